package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.DateOrder;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RapportTest
class ImportCustomFieldsIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	CustomFieldService fields;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	List<UUID> defined = new ArrayList<>();

	@AfterEach
	void retire() {
		defined.forEach(fields::retire);
	}

	@Test
	void dateCustomFieldsReadTheirColumnsOrderAsBuiltInDatesDo() {
		String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		defined.add(fields.define("account", "founded" + suffix, FieldType.DATE, new FieldText("Founded " + suffix,
				null, null, null, false, null, List.of(), null)).getId());
		defined.add(fields.define("account", "audited" + suffix, FieldType.DATE_TIME, new FieldText("Audited "
				+ suffix, null, null, null, false, null, List.of(), null)).getId());
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String csv = "Name;Founded " + suffix + ";Audited " + suffix + "\nA;09.11.2005;13.01.2006 10:30\n"
				+ "B;31.12.1999;01.02.2006\nC;12/31/1999;\n";

		ImportJob job = imports.upload(actor, "accounts", "founded.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(job.dateOrder(1)).isEqualTo(DateOrder.DMY);
		List<ImportRow> preview = imports.preview(actor, job.id());
		assertThat(preview.get(0).values().get("customFields")).isEqualTo(Map.of("founded" + suffix, "2005-11-09",
				"audited" + suffix, "2006-01-13T10:30:00Z"));
		assertThat(preview.get(1).values().get("customFields")).isEqualTo(Map.of("founded" + suffix, "1999-12-31",
				"audited" + suffix, "2006-02-01T00:00:00Z"));
		assertThat(preview.get(2).errors()).containsEntry("cf.founded" + suffix, "Founded " + suffix
				+ ": 12/31/1999 is not a date written day first, as this column writes dates (such as 31.03.2026)");
	}

	@Test
	void customFieldsAreMappedByTheirLabelsPreviewedCheckedAndStored() throws Exception {
		String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		String tier = "tier" + suffix;
		String seats = "seats" + suffix;
		defined.add(fields.define("account", tier, FieldType.PICK_LIST, new FieldText("Tier " + suffix,
				"等级" + suffix, null, null, false, "Silver", List.of("Gold", "Silver"), null)).getId());
		defined.add(fields.define("account", seats, FieldType.NUMBER, new FieldText("Seats " + suffix, null, null,
				null, false, null, List.of(), null)).getId());
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String gold = TestData.unique("Gold Co");
		String plain = TestData.unique("Plain Co");
		String csv = "客户名称,等级" + suffix + ",Seats " + suffix + "\n" + gold + ",Gold,25\n" + plain + ",,\n"
				+ TestData.unique("Bad Co") + ",Platinum,many\n";

		ImportJob job = imports.upload(actor, "accounts", "custom.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(job.mapping()).containsEntry(1, "cf." + tier).containsEntry(2, "cf." + seats);
		List<ImportRow> preview = imports.preview(actor, job.id());
		assertThat(preview.get(0).values().get("customFields")).isEqualTo(Map.of(tier, "Gold", seats, 25L));
		assertThat(preview.get(2).errors()).containsOnlyKeys("cf." + seats);
		assertThat(preview.get(2).notices()).containsOnlyKeys("cf." + tier);

		imports.configure(actor, job.id(), job.mapping(), DuplicateMode.SKIP, MatchBy.NAME, null);
		imports.start(actor, job.id());
		ImportJob done = null;
		for (int i = 0; i < 600 && (done == null || !done.isFinished()); i++) {
			Thread.sleep(50);
			done = imports.job(actor, job.id());
		}
		assertThat(done.createdRows()).isEqualTo(2);
		assertThat(done.rejectedRows()).isEqualTo(1);
		UUID goldId = jdbc.queryForObject("select id from account where name = ?", UUID.class, gold);
		UUID plainId = jdbc.queryForObject("select id from account where name = ?", UUID.class, plain);
		Map<UUID, Map<String, Object>> values = fields.valuesOf("account", List.of(goldId, plainId));
		assertThat(values.get(goldId)).containsEntry(tier, "Gold");
		assertThat(((Number) values.get(goldId).get(seats)).intValue()).isEqualTo(25);
		assertThat(values.get(plainId)).as("a new record takes the default").containsEntry(tier, "Silver");
	}

	@Test
	void customOptionsAreFoundLooselyOrByTheValueMapAndWholeNumbersWrittenAsDecimalsReadWhole() {
		String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		String channels = "channels" + suffix;
		String seats = "seats" + suffix;
		defined.add(fields.define("account", channels, FieldType.MULTI_PICK_LIST, new FieldText("Channels " + suffix,
				null, null, null, false, null, List.of("E-Mail", "Trade Fair", "Web Shop"), null)).getId());
		defined.add(fields.define("account", seats, FieldType.NUMBER, new FieldText("Seats " + suffix, null, null,
				null, false, null, List.of(), null)).getId());
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String tag = TestData.unique("Channel Co");
		String csv = "Account Name,Channels " + suffix + ",Seats " + suffix + "\n" + tag + " A,e-mail; web shop,25.0\n"
				+ tag + " B,Trade-Fair | Carrier pigeon,\n" + tag + " C,Fax,\n" + tag + " D,,12.5\n";
		ImportJob job = imports.upload(actor, "accounts", "custom.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		imports.configure(actor, job.id(), job.mapping(), DuplicateMode.CREATE, MatchBy.NAME, null);
		imports.mapValues(actor, job.id(), Map.of("cf." + channels, Map.of("fax", "e-mail")), null);

		assertThat(imports.unmatchedValues(actor, job.id())).singleElement().satisfies(column -> {
			assertThat(column.column().key()).isEqualTo("cf." + channels);
			assertThat(column.values()).extracting(ValueMaps.FileValue::value, ValueMaps.FileValue::target)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("Carrier pigeon", null),
						org.assertj.core.groups.Tuple.tuple("Fax", "E-Mail"));
		});
		List<ImportRow> preview = imports.preview(actor, job.id());
		assertThat(preview.get(0).values().get("customFields"))
			.isEqualTo(Map.of(channels, List.of("E-Mail", "Web Shop"), seats, 25L));
		assertThat(preview.get(1).values().get("customFields")).isEqualTo(Map.of(channels, List.of("Trade Fair")));
		assertThat(preview.get(1).notices().get("cf." + channels)).endsWith("'Carrier pigeon' is not one of ours; left out");
		assertThat(preview.get(2).values().get("customFields")).isEqualTo(Map.of(channels, List.of("E-Mail")));
		assertThat(preview.get(3).errors().get("cf." + seats))
			.endsWith("12.5 is not a whole number, and an import does not round it");

		imports.start(actor, job.id());
		ImportJob done = ImportRuns.awaitFinished(imports, actor, job.id());
		assertThat(done.createdRows()).isEqualTo(3);
		assertThat(done.rejectedRows()).isEqualTo(1);
		assertThat(imports.noticeCount(actor, job.id())).isEqualTo(1);
		UUID b = jdbc.queryForObject("select id from account where name = ?", UUID.class, tag + " B");
		assertThat(fields.valuesOf("account", List.of(b)).get(b)).containsEntry(channels, List.of("Trade Fair"));
	}
}
