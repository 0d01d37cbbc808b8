package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.shared.InvalidField;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mapping a user started an import with is theirs for the next file of the same headers; where several columns
 * could fill one field, the guess takes the one with values and says so; and a file's mapping can be guessed again as
 * another source system names its headers.
 */
@RapportTest
class RememberedMappingsIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSecondUploadWithTheSameHeadersStartsFromTheMappingTheUserStartedTheFirstWith() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		String tag = TestData.unique("remembered");
		ImportJob first = upload(seller, "contacts", "Surname,Mail,Remark,Mobile phone\nKovacs," + tag
				+ "@example.com,first file,+49 30 1234567\n");
		assertThat(imports.origin(first).isRemembered()).isFalse();
		assertThat(first.mapping()).containsExactly(Map.entry(0, "lastName"), Map.entry(1, "email"));
		Map<Integer, String> chosen = new LinkedHashMap<>(Map.of(0, "lastName", 1, "email", 3, "phone"));
		imports.configure(seller, first.id(), chosen, DuplicateMode.SKIP, MatchBy.EMAIL, null);
		imports.start(seller, first.id());
		ImportRuns.awaitFinished(imports, seller, first.id());

		// the same headers, written in another case and spacing, remember the mapping the user started with
		ImportJob second = upload(seller, "contacts", "surname,MAIL,Remark,Mobile Phone\nNagy," + tag
				+ "-2@example.com,second file,+49 30 7654321\n");
		assertThat(second.mapping()).containsExactly(Map.entry(0, "lastName"), Map.entry(1, "email"),
				Map.entry(3, "phone"));
		MappingOrigin origin = imports.origin(second);
		assertThat(origin.isRemembered()).isTrue();
		assertThat(origin.rememberedAt()).isEqualTo(jdbc.queryForObject(
				"select used_at from import_remembered_mapping where owner_id = ? and entity = 'contacts'",
				java.time.OffsetDateTime.class, seller.id().value()).toInstant());

		// another kind of record, other headers and another user start from the guess
		assertThat(imports.origin(upload(seller, "leads", "Surname,Mail,Remark,Mobile phone\nA,b@c.de,x,\n"))
			.isRemembered()).isFalse();
		assertThat(upload(seller, "contacts", "Surname,Mail,Remark\nKovacs,k@example.com,x\n").mapping())
			.doesNotContainValue("phone");
		Actor other = data.actor(data.user(data.team(), Role.SALES));
		ImportJob theirs = upload(other, "contacts", "Surname,Mail,Remark,Mobile phone\nA,b@c.de,x,\n");
		assertThat(imports.origin(theirs).isRemembered()).isFalse();
		assertThat(theirs.mapping()).doesNotContainValue("phone");
	}

	@Test
	void theLastMappingStartedIsTheOneRemembered() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		String csv = "Surname,Notes,Mail\nLast,a note,last-" + TestData.unique("x") + "@example.com\n";
		ImportJob first = upload(seller, "leads", csv);
		imports.configure(seller, first.id(), Map.of(0, "lastName", 2, "email"), DuplicateMode.SKIP, MatchBy.EMAIL,
				null);
		imports.start(seller, first.id());
		ImportRuns.awaitFinished(imports, seller, first.id());
		ImportJob second = upload(seller, "leads", csv);
		assertThat(second.mapping()).containsExactly(Map.entry(0, "lastName"), Map.entry(2, "email"));
		imports.configure(seller, second.id(), Map.of(0, "lastName", 1, "notes", 2, "email"), DuplicateMode.SKIP,
				MatchBy.EMAIL, null);
		imports.start(seller, second.id());
		ImportRuns.awaitFinished(imports, seller, second.id());

		assertThat(upload(seller, "leads", csv).mapping()).containsExactly(Map.entry(0, "lastName"),
				Map.entry(1, "notes"), Map.entry(2, "email"));
	}

	@Test
	void ofTwoColumnsForOneFieldTheGuessTakesTheOneWithValuesAndSaysWhy() throws IOException {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		ImportJob job;
		try (InputStream content = new ClassPathResource("imports/hubspot/contacts.csv").getInputStream()) {
			job = imports.upload(seller, "contacts", "contacts.csv", content);
		}
		// column G is the contact's own Company Name, empty; column P the associated company's Company name
		assertThat(job.headers().get(6)).isEqualTo("Company Name");
		assertThat(job.headers().get(15)).isEqualTo("Company name");
		assertThat(job.mapping()).containsEntry(15, "account").doesNotContainKey(6);
		assertThat(imports.origin(job).choices()).contains(new ColumnChoice("account", 15, List.of(6), true));
		// the repeated Phone Number: the contact's (first) has values, the company's is passed over
		assertThat(job.mapping()).containsEntry(4, "phone").doesNotContainKey(16);
		assertThat(imports.origin(job).choices()).contains(new ColumnChoice("phone", 4, List.of(16), false));

		ImportJob bothFilled = upload(seller, "contacts", "Last Name,Company Name,Company name\nLee,Acme,Acme Inc\n");
		assertThat(bothFilled.mapping()).containsEntry(1, "account").doesNotContainKey(2);
		assertThat(imports.origin(bothFilled).choices())
			.containsExactly(new ColumnChoice("account", 1, List.of(2), false));
		ImportJob firstEmpty = upload(seller, "contacts", "Last Name,Company Name,Company name\nLee,,Acme Inc\n");
		assertThat(firstEmpty.mapping()).containsEntry(2, "account").doesNotContainKey(1);
	}

	@Test
	void theMappingIsGuessedAgainAsTheSourceSystemChosenNamesTheHeaders() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		ImportJob job = upload(seller, "accounts", "Id,Name,BillingCity,BillingState,OwnerId\n"
				+ "0015g00000QxAbCAAV,Nordwind,Bristol,Avon,0055g00000Kd1XyAAJ\n");
		assertThat(imports.origin(job).detectedSource()).isEqualTo("salesforce");
		assertThat(job.mapping()).containsEntry(0, "externalId").containsEntry(3, "region");

		ImportJob generic = imports.useSource(seller, job.id(), "none");
		assertThat(imports.origin(generic).source()).isNull();
		assertThat(imports.origin(generic).detectedSource()).isEqualTo("salesforce");
		// without Salesforce's names, Id is taken for Rapport's own id, as in Rapport's exports
		assertThat(generic.mapping()).doesNotContainKeys(3, 4).containsEntry(0, "id").containsEntry(1, "name")
			.containsEntry(2, "city");

		ImportJob again = imports.useSource(seller, job.id(), "Salesforce");
		assertThat(imports.origin(again).source()).isEqualTo("salesforce");
		assertThat(again.mapping()).isEqualTo(job.mapping());

		assertThatThrownBy(() -> imports.useSource(seller, job.id(), "dynamics")).isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field()).isEqualTo("source");
	}

	@Test
	void aMappingNamesRepeatedColumnsByTheirNumberAndRefusesAColumnTheFileLacks() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		ImportJob job = upload(seller, "contacts", "Last Name,Phone Number,Phone Number\nLee,,+1 555 0100\n");

		assertThat(imports.columnsAddressed(job, Map.of("Last Name", "lastName", "Phone Number#2", "phone")))
			.containsExactlyInAnyOrderEntriesOf(Map.of(0, "lastName", 2, "phone"));
		assertThatThrownBy(() -> imports.columnsAddressed(job, Map.of("Phone Number#3", "phone")))
			.isInstanceOf(InvalidField.class).hasMessageContaining("Phone Number#3");
		Map<String, String> twice = new LinkedHashMap<>();
		twice.put("Phone Number", "phone");
		twice.put("Phone Number#1", "title");
		assertThatThrownBy(() -> imports.columnsAddressed(job, twice)).isInstanceOf(InvalidField.class)
			.hasMessageContaining("twice");
	}

	private ImportJob upload(Actor actor, String kind, String csv) {
		return imports.upload(actor, kind, "test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}
}
