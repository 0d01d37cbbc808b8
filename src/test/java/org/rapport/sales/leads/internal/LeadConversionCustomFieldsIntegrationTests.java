package org.rapport.sales.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A converted lead's custom values go to the account, contact and opportunity made from it, wherever those have a
 * field with the same key and type that accepts the value; an existing account the lead joins keeps its own.
 */
@RapportTest
class LeadConversionCustomFieldsIntegrationTests {

	@Autowired
	LeadService leads;

	@Autowired
	CustomFieldService fields;

	@Autowired
	CustomFields customFields;

	@Autowired
	Customers customers;

	@Autowired
	TestData data;

	Actor seller;
	String suffix;
	List<UUID> defined = new ArrayList<>();

	@BeforeEach
	void setUp() {
		seller = data.actor(data.user(data.team(), Role.SALES));
		suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	@AfterEach
	void retire() {
		defined.forEach(fields::retire);
	}

	@Test
	void theAccountContactAndOpportunityMadeFromALeadTakeItsValuesWhereTheyHaveTheSameField() {
		String budget = "budget" + suffix;
		String segment = "segment" + suffix;
		String region = "region" + suffix;
		define("lead", budget, FieldType.NUMBER, List.of());
		define("lead", segment, FieldType.PICK_LIST, List.of("SMB", "Enterprise"));
		define("lead", region, FieldType.TEXT, List.of());
		// the contact and the opportunity have a budget of the same type; the account's is text, so it gets none
		define("contact", budget, FieldType.NUMBER, List.of());
		define("opportunity", budget, FieldType.NUMBER, List.of());
		define("account", budget, FieldType.TEXT, List.of());
		// the account offers another set of options: "Enterprise" is one of them, "SMB" would not be
		define("account", segment, FieldType.PICK_LIST, List.of("Enterprise", "Public sector"));
		define("opportunity", segment, FieldType.PICK_LIST, List.of("Public sector"));
		define("account", region, FieldType.TEXT, List.of());

		Map<String, Object> values = new LinkedHashMap<>();
		values.put(budget, "50000");
		values.put(segment, "Enterprise");
		values.put(region, "North");
		Lead lead = leads.create(seller, new LeadDetails("Ada", TestData.unique("Byron"), TestData.unique("Engines"),
				null, null, null, null, null, null), LeadStatus.QUALIFIED, null, null, null, values);

		Lead converted = leads.convert(seller, lead.getId(), null, new LeadConversion(null, null,
				new LeadConversion.Opportunity("Engines deal", new Money(new BigDecimal("1000"), "EUR"),
						LocalDate.now().plusMonths(1))));

		Map<String, Object> account = customFields.valuesOf("account", List.of(converted.getConvertedAccountId()))
			.getOrDefault(converted.getConvertedAccountId(), Map.of());
		Map<String, Object> contact = customFields.valuesOf("contact", List.of(converted.getConvertedContactId()))
			.getOrDefault(converted.getConvertedContactId(), Map.of());
		Map<String, Object> opportunity = customFields.valuesOf("opportunity", List.of(converted.getConvertedOpportunityId()))
			.getOrDefault(converted.getConvertedOpportunityId(), Map.of());
		assertThat(account).containsEntry(segment, "Enterprise").containsEntry(region, "North").doesNotContainKey(budget);
		assertThat(contact).containsOnlyKeys(budget);
		assertThat(((Number) contact.get(budget)).intValue()).isEqualTo(50000);
		assertThat(opportunity).containsOnlyKeys(budget);
		assertThat(((Number) opportunity.get(budget)).intValue()).isEqualTo(50000);
	}

	@Test
	void anExistingAccountKeepsItsOwnValuesAndARequiredFieldDoesNotStopTheConversion() {
		String region = "region" + suffix;
		define("lead", region, FieldType.TEXT, List.of());
		define("account", region, FieldType.TEXT, List.of());
		// a required contact field the lead has no value for: a record Rapport makes is not held to it
		defined.add(fields.define("contact", "required" + suffix, FieldType.TEXT,
				new FieldText("Required", null, null, null, true, null, List.of(), null)).getId());
		AccountId existing = customers.openAccount(seller, new NewAccount(TestData.unique("Existing"),
				AccountType.COMPANY, null, null, null, null, null, Map.of(region, "South")));
		Lead lead = leads.create(seller, new LeadDetails("Grace", TestData.unique("Hopper"), null, null, null, null,
				null, null, null), LeadStatus.QUALIFIED, null, null, null, Map.of(region, "North"));

		Lead converted = leads.convert(seller, lead.getId(), null, new LeadConversion(existing.value(), null, null));

		assertThat(converted.getConvertedAccountId()).isEqualTo(existing.value());
		assertThat(customFields.valuesOf("account", List.of(existing.value())).get(existing.value()))
			.containsEntry(region, "South");
		assertThat(converted.getConvertedContactId()).isNotNull();
	}

	private void define(String entity, String key, FieldType type, List<String> options) {
		defined.add(fields.define(entity, key, type, new FieldText(key, null, null, null, false, null, options, null))
			.getId());
	}
}
