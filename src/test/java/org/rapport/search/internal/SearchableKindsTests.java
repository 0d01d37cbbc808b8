package org.rapport.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.search.SearchField;
import org.rapport.search.SearchableKind;

class SearchableKindsTests {

	@Test
	void theKindsAreThoseDescribedInTheirOrderAndFoundByCodeOrEntity() {
		SearchableKinds kinds = new SearchableKinds(List.of(kind("parcel", "Parcel", 20).build(),
				kind("depot", "Depot", 10).titles(ids -> Map.of()).build()));

		assertThat(kinds.all()).extracting(SearchableKind::code).containsExactly("depot", "parcel");
		assertThat(kinds.ofCode(" Parcel ")).map(SearchableKind::entityName).contains("Parcel");
		assertThat(kinds.ofCode("account")).isEmpty();
		assertThat(kinds.ofCode(null)).isEmpty();
		assertThat(kinds.ofEntityName("Depot")).map(SearchableKind::code).contains("depot");
		assertThat(kinds.entityNames()).containsExactly("Depot", "Parcel");
		assertThat(kinds.codesAsAlternatives()).isEqualTo("depot or parcel");
	}

	@Test
	void twoKindsOfOneCodeOrOneEntityAreRefused() {
		assertThatThrownBy(() -> new SearchableKinds(List.of(kind("parcel", "Parcel", 10).build(),
				kind("parcel", "Package", 20).build())))
			.hasMessageContaining("parcel");
		assertThatThrownBy(() -> new SearchableKinds(List.of(kind("parcel", "Parcel", 10).build(),
				kind("package", "Parcel", 20).build())))
			.hasMessageContaining("Parcel");
	}

	@Test
	void aReferenceNeedsAKindThatTellsItsTitles() {
		SearchableKind parcel = kind("parcel", "Parcel", 20).fields(SearchField.reference("depotId", "depot"))
			.subtitle("depotId")
			.build();

		assertThatThrownBy(() -> new SearchableKinds(List.of(parcel))).hasMessageContaining("depot");
		assertThatThrownBy(() -> new SearchableKinds(List.of(parcel, kind("depot", "Depot", 10).build())))
			.hasMessageContaining("depot");
		assertThat(new SearchableKinds(List.of(parcel, kind("depot", "Depot", 10).titles(ids -> Map.of()).build()))
			.all()).hasSize(2);
	}

	@Test
	void aDescriptionHasOneTitleAndShowsOnlyFieldsItDeclares() {
		assertThatThrownBy(() -> SearchableKind.of("parcel", "Parcel").label("nav.parcels").page("/parcels/")
			.icon("box").fields(SearchField.email("email")).build()).hasMessageContaining("title");
		assertThatThrownBy(() -> kind("parcel", "Parcel", 10).subtitle("email").build())
			.hasMessageContaining("email");
		assertThatThrownBy(() -> kind("Parcel", "Parcel", 10).build()).hasMessageContaining("Parcel");
		assertThatThrownBy(() -> new SearchField("owner", SearchField.Match.REFERENCE, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static SearchableKind.Builder kind(String code, String entity, int order) {
		return SearchableKind.of(code, entity)
			.label("nav." + code)
			.page("/" + code + "s/")
			.icon("box")
			.order(order)
			.fields(SearchField.title("name"));
	}
}
