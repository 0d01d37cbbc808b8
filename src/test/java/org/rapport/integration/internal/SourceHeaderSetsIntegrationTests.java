package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.ImportableKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Files exported by other CRMs map without help: the source system is told by the headers, and every column takes
 * the field the system means by it. The sample files under {@code imports/<crm>/} are written in each system's export
 * format; a header row stands for the kinds of record no sample file covers.
 */
@RapportTest
class SourceHeaderSetsIntegrationTests {

	@Autowired
	Imports imports;

	@Autowired
	HeaderSets headerSets;

	@Autowired
	ImportKinds kinds;

	@Autowired
	ImportFields fields;

	@Autowired
	TestData data;

	static Arguments sample(String file, String kind, String source, String... mapping) {
		return Arguments.of(file, kind, source, List.of(mapping));
	}

	static Stream<Arguments> samples() {
		return Stream.of(
				sample("salesforce/Account.csv", "accounts", "salesforce",
						"Id=externalId", "Name=name", "Type=type", "Industry=industry", "BillingStreet=street",
						"BillingCity=city", "BillingState=region", "BillingPostalCode=postalCode",
						"BillingCountry=country", "Phone=phone", "Website=website", "OwnerId=owner"),
				sample("salesforce/Contact.csv", "contacts", "salesforce",
						"Id=externalId", "AccountId=accountExternalId", "FirstName=firstName", "LastName=lastName",
						"Title=title", "Email=email", "Phone=phone", "MailingStreet=street", "MailingCity=city",
						"MailingState=region", "MailingPostalCode=postalCode", "MailingCountry=country", "OwnerId=owner"),
				sample("salesforce/Lead.csv", "leads", "salesforce",
						"Id=externalId", "FirstName=firstName", "LastName=lastName", "Company=company", "Title=title",
						"Email=email", "Phone=phone", "LeadSource=source", "Status=leadStatus", "Rating=rating",
						"OwnerId=owner"),
				sample("salesforce/converted/Lead.csv", "leads", "salesforce",
						"Id=externalId", "FirstName=firstName", "LastName=lastName", "Company=company", "Title=title",
						"Email=email", "Phone=phone", "LeadSource=source", "Status=leadStatus", "Rating=rating",
						"IsConverted=isConverted", "ConvertedDate=convertedAt", "ConvertedAccountId=convertedAccount",
						"ConvertedContactId=convertedContact", "ConvertedOpportunityId=convertedOpportunity",
						"OwnerId=owner"),
				sample("salesforce/Opportunity.csv", "opportunities", "salesforce",
						"Id=externalId", "AccountId=accountExternalId", "Name=name", "StageName=stage", "Amount=amount",
						"CloseDate=closeDate", "Probability=probability", "OwnerId=owner"),
				sample("hubspot/companies.csv", "accounts", "hubspot",
						"Record ID=externalId", "Company name=name", "Website URL=website", "Phone Number=phone",
						"Street Address=street", "City=city", "State/Region=region", "Postal Code=postalCode",
						"Country/Region=country", "Industry=industry", "Type=type", "Lifecycle Stage=lifecycleStage",
						"Company owner=owner"),
				sample("hubspot/contacts.csv", "contacts", "hubspot",
						"Record ID=externalId", "First Name=firstName", "Last Name=lastName", "Email=email",
						"Phone Number=phone", "Job Title=title", "Contact owner=owner", "Street Address=street",
						"City=city", "State/Region=region", "Postal Code=postalCode", "Country/Region=country",
						"Company name=account"),
				sample("hubspot/deals.csv", "opportunities", "hubspot",
						"Record ID=externalId", "Deal Name=name", "Pipeline=pipeline", "Deal Stage=stage", "Amount=amount",
						"Close Date=closeDate", "Deal owner=owner", "Associated Company=account",
						"Associated Company IDs=accountExternalId"),
				sample("odoo/companies.csv", "accounts", "odoo",
						"External ID=externalId", "Name=name", "Street=street", "Zip=postalCode", "City=city",
						"State=region", "Country=country", "Phone=phone", "Email=email", "Website=website",
						"Salesperson=owner"),
				sample("odoo/people.csv", "contacts", "odoo",
						"External ID=externalId", "Name=lastName", "Related Company=account",
						"Related Company/External ID=accountExternalId", "Job Position=title", "Email=email",
						"Phone=phone", "Street=street", "Zip=postalCode", "City=city", "Country=country",
						"Salesperson=owner"),
				sample("odoo/kontakte.csv", "contacts", "odoo",
						"Externe ID=externalId", "Name=lastName", "Zugehöriges Unternehmen=account",
						"Stellenbezeichnung=title", "Straße=street", "PLZ=postalCode", "Ort=city", "Land=country",
						"Telefon=phone", "E-Mail=email", "Verkäufer=owner"),
				sample("odoo/opportunities.csv", "opportunities", "odoo",
						"External ID=externalId", "Opportunity=name", "Customer=account", "Expected Revenue=amount",
						"Expected Closing=closeDate", "Probability=probability", "Stage=stage", "Salesperson=owner"),
				sample("suitecrm/Accounts.csv", "accounts", "suitecrm",
						"id=externalId", "name=name", "account_type=type", "industry=industry", "phone_office=phone",
						"website=website", "email1=email", "billing_address_street=street", "billing_address_city=city",
						"billing_address_state=region", "billing_address_postalcode=postalCode",
						"billing_address_country=country", "assigned_user_name=owner", "description=description"),
				sample("suitecrm/Leads.csv", "leads", "suitecrm",
						"id=externalId", "first_name=firstName", "last_name=lastName", "account_name=company",
						"title=title", "email1=email", "phone_work=phone", "lead_source=source", "status=leadStatus",
						"assigned_user_name=owner"),
				sample("suitecrm/Opportunities.csv", "opportunities", "suitecrm",
						"id=externalId", "name=name", "account_name=account", "account_id=accountExternalId",
						"sales_stage=stage", "amount=amount", "date_closed=closeDate", "probability=probability",
						"assigned_user_name=owner"),
				sample("zoho/Accounts.csv", "accounts", "zoho",
						"Record Id=externalId", "Account Owner=owner", "Account Name=name", "Account Type=type",
						"Industry=industry", "Phone=phone", "Website=website", "Billing Street=street",
						"Billing City=city", "Billing State=region", "Billing Code=postalCode", "Billing Country=country"),
				sample("zoho/Contacts.csv", "contacts", "zoho",
						"Record Id=externalId", "Contact Owner=owner", "First Name=firstName", "Last Name=lastName",
						"Account Name=account", "Account Name.id=accountExternalId", "Email=email", "Title=title",
						"Phone=phone", "Mailing Street=street", "Mailing City=city", "Mailing State=region",
						"Mailing Zip=postalCode", "Mailing Country=country"),
				sample("zoho/Deals.csv", "opportunities", "zoho",
						"Record Id=externalId", "Deal Owner=owner", "Deal Name=name", "Account Name=account",
						"Account Name.id=accountExternalId", "Amount=amount", "Closing Date=closeDate", "Stage=stage",
						"Probability (%)=probability", "Pipeline=pipeline"),
				sample("pipedrive/organizations.csv", "accounts", "pipedrive",
						"Organization - ID=externalId", "Organization - Name=name", "Organization - Owner=owner",
						"Organization - Address=street", "Organization - Address - City/town/village/locality=city",
						"Organization - Address - State/county=region",
						"Organization - Address - ZIP/Postal code=postalCode", "Organization - Address - Country=country"),
				sample("pipedrive/people.csv", "contacts", "pipedrive",
						"Person - ID=externalId", "Person - First name=firstName", "Person - Last name=lastName",
						"Person - Organization=account", "Organization - ID=accountExternalId", "Person - Email=email",
						"Person - Phone=phone", "Person - Owner=owner"),
				sample("pipedrive/deals.csv", "opportunities", "pipedrive",
						"Deal - ID=externalId", "Deal - Title=name", "Deal - Value=amount", "Deal - Currency=currency",
						"Deal - Stage=stage", "Deal - Pipeline=pipeline", "Deal - Expected close date=closeDate",
						"Deal - Organization=account", "Organization - ID=accountExternalId", "Deal - Owner=owner"),
				sample("espocrm/Account.csv", "accounts", "espocrm",
						"id=externalId", "name=name", "website=website", "emailAddress=email", "phoneNumber=phone",
						"type=type", "industry=industry", "billingAddressStreet=street", "billingAddressCity=city",
						"billingAddressState=region", "billingAddressCountry=country",
						"billingAddressPostalCode=postalCode", "assignedUserName=owner"),
				sample("espocrm/Contact.csv", "contacts", "espocrm",
						"id=externalId", "firstName=firstName", "lastName=lastName", "accountName=account",
						"accountId=accountExternalId", "title=title", "emailAddress=email", "phoneNumber=phone",
						"addressStreet=street", "addressCity=city", "addressState=region", "addressPostalCode=postalCode",
						"addressCountry=country", "assignedUserName=owner"),
				sample("espocrm/Lead.csv", "leads", "espocrm",
						"id=externalId", "firstName=firstName", "lastName=lastName", "accountName=company", "title=title",
						"emailAddress=email", "phoneNumber=phone", "source=source", "status=leadStatus",
						"assignedUserName=owner"),
				sample("hubspot/leads.csv", "leads", "hubspot",
						"Record ID=externalId", "First Name=firstName", "Last Name=lastName", "Email=email",
						"Phone Number=phone", "Job Title=title", "Company name=company", "Lead Status=leadStatus",
						"Disqualification Reason=disqualifiedReason"),
				sample("zoho/Leads.csv", "leads", "zoho",
						"Record Id=externalId", "Company=company", "First Name=firstName", "Last Name=lastName",
						"Designation=title", "Email=email", "Phone=phone", "Lead Source=source",
						"Lead Status=leadStatus"),
				sample("espocrm/Opportunity.csv", "opportunities", "espocrm",
						"id=externalId", "name=name", "accountName=account", "accountId=accountExternalId", "stage=stage",
						"amount=amount", "amountCurrency=currency", "probability=probability", "closeDate=closeDate",
						"assignedUserName=owner"),
				sample("generic/kontakte.csv", "contacts", null,
						"Vorname=firstName", "Nachname=lastName", "Firma=account", "Straße=street", "PLZ=postalCode",
						"Ort=city", "Telefon=phone", "E-Mail=email"),
				sample("generic/联系人.csv", "contacts", null,
						"名字=firstName", "姓氏=lastName", "所属客户=account", "手机号码=phone", "电子邮件地址=email", "详细地址=street",
						"所在城市=city"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void anExportOfEachSystemIsToldByItsHeadersAndMapsEveryColumnItsSystemMeans(String file, String kind,
			String source, List<String> expected) throws IOException {
		Actor actor = data.actor(data.user(data.team(), Role.ADMIN));
		ImportJob job;
		try (InputStream content = new ClassPathResource("imports/" + file).getInputStream()) {
			job = imports.upload(actor, kind, file, content);
		}

		assertThat(imports.origin(job).detectedSource()).isEqualTo(source);
		assertThat(imports.origin(job).source()).isEqualTo(source);
		assertThat(addressed(job.headers(), job.mapping())).isEqualTo(expectedMapping(expected));
	}

	static Arguments row(String source, String kind, String headers, String... mapping) {
		return Arguments.of(source, kind, List.of(headers.split(", ")), List.of(mapping));
	}

	static Stream<Arguments> headerRows() {
		return Stream.of(
				row("salesforce", "products",
						"Id, Name, ProductCode, Family, IsActive, Description, CreatedDate, LastModifiedDate, SystemModstamp",
						"Id=externalId", "Name=name", "ProductCode=sku", "Family=category", "IsActive=active",
						"Description=description"),
				row("salesforce", "orders",
						"OrderId, Order.AccountId, Order.EffectiveDate, Order.Status, Product2.ProductCode, Quantity, UnitPrice, PricebookEntryId, CreatedDate",
						"OrderId=externalId", "Order.AccountId=accountExternalId", "Order.EffectiveDate=orderDate",
						"Order.Status=orderStatus", "Product2.ProductCode=product", "Quantity=quantity",
						"UnitPrice=unitPrice"),
				row("salesforce", "contracts",
						"Id, AccountId, ContractNumber, StartDate, EndDate, Status, OwnerExpirationNotice, Description, OwnerId, CreatedDate",
						"Id=externalId", "AccountId=accountExternalId", "StartDate=startDate", "EndDate=endDate",
						"Status=status", "OwnerExpirationNotice=renewalNoticeDays", "Description=description",
						"OwnerId=owner"),
				row("hubspot", "leads",
						"Record ID, First Name, Last Name, Email, Phone Number, Job Title, Company name, Original Source, Contact owner, Create Date, Lifecycle Stage",
						"Record ID=externalId", "First Name=firstName", "Last Name=lastName", "Email=email",
						"Phone Number=phone", "Job Title=title", "Company name=company", "Original Source=source",
						"Contact owner=owner"),
				row("hubspot", "products",
						"Record ID, Name, SKU, Unit price, Description, Create Date, Product owner",
						"Record ID=externalId", "Name=name", "SKU=sku", "Unit price=unitPrice", "Description=description"),
				row("odoo", "leads",
						"External ID, Opportunity, Contact Name, Company Name, Email, Phone, Job Position, Source, Salesperson, Sales Team, Tags",
						"External ID=externalId", "Contact Name=lastName", "Company Name=company", "Email=email",
						"Phone=phone", "Job Position=title", "Source=source", "Salesperson=owner"),
				row("odoo", "products",
						"External ID, Name, Internal Reference, Sales Price, Product Category, Active, Sales Description",
						"External ID=externalId", "Name=name", "Internal Reference=sku", "Sales Price=unitPrice",
						"Product Category=category", "Active=active", "Sales Description=description"),
				row("odoo", "orders",
						"Order Reference, Customer, Order Date, Status, Order Lines/Product, Order Lines/Quantity, Order Lines/Unit Price, Salesperson",
						"Order Reference=externalId", "Customer=account", "Order Date=orderDate", "Status=orderStatus",
						"Order Lines/Product=product", "Order Lines/Quantity=quantity", "Order Lines/Unit Price=unitPrice",
						"Salesperson=owner"),
				row("suitecrm", "contacts",
						"id, first_name, last_name, title, email1, phone_work, phone_mobile, account_name, account_id, primary_address_street, primary_address_city, primary_address_state, primary_address_postalcode, primary_address_country, assigned_user_name, date_entered",
						"id=externalId", "first_name=firstName", "last_name=lastName", "title=title", "email1=email",
						"phone_work=phone", "account_name=account", "account_id=accountExternalId",
						"primary_address_street=street", "primary_address_city=city", "primary_address_state=region",
						"primary_address_postalcode=postalCode", "primary_address_country=country",
						"assigned_user_name=owner"),
				row("suitecrm", "products",
						"id, name, part_number, price, cost, description, date_entered",
						"id=externalId", "name=name", "part_number=sku", "price=unitPrice", "description=description"),
				row("suitecrm", "contracts",
						"id, name, reference_code, contract_account, contract_account_id, start_date, end_date, total_contract_value, status, assigned_user_name, date_entered",
						"id=externalId", "contract_account=account", "contract_account_id=accountExternalId",
						"start_date=startDate", "end_date=endDate", "total_contract_value=value", "status=status",
						"assigned_user_name=owner"),
				row("zoho", "leads",
						"Record Id, Lead Owner, Company, First Name, Last Name, Designation, Email, Phone, Mobile, Lead Source, Lead Status, Rating, Description, Created Time",
						"Record Id=externalId", "Lead Owner=owner", "Company=company", "First Name=firstName",
						"Last Name=lastName", "Designation=title", "Email=email", "Phone=phone", "Lead Source=source",
						"Lead Status=leadStatus", "Rating=rating", "Description=notes"),
				row("zoho", "products",
						"Record Id, Product Owner, Product Name, Product Code, Product Category, Unit Price, Product Active, Description, Created Time, Qty in Stock",
						"Record Id=externalId", "Product Name=name", "Product Code=sku", "Product Category=category",
						"Unit Price=unitPrice", "Product Active=active", "Description=description"),
				row("pipedrive", "leads",
						"Lead - ID, Lead - Title, Person - First name, Person - Last name, Person - Email, Person - Phone, Lead - Organization, Lead - Source, Lead - Owner, Lead - Labels",
						"Lead - ID=externalId", "Person - First name=firstName", "Person - Last name=lastName",
						"Person - Email=email", "Person - Phone=phone", "Lead - Organization=company",
						"Lead - Source=source", "Lead - Owner=owner"),
				row("pipedrive", "products",
						"Product - ID, Product - Name, Product - Product code, Product - Category, Product - Unit price, Product - Currency, Product - Active, Product - Description",
						"Product - ID=externalId", "Product - Name=name", "Product - Product code=sku",
						"Product - Category=category", "Product - Unit price=unitPrice", "Product - Currency=currency",
						"Product - Active=active", "Product - Description=description"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("headerRows")
	void aHeaderRowOfEachSystemAndKindIsToldAndMapped(String source, String kind, List<String> headers,
			List<String> expected) {
		ImportableKind<?> of = kinds.get(kind);

		assertThat(headerSets.detect(headers)).contains(source);
		ColumnGuesser.Guess guess = headerSets.guess(of, fields.of(of, Locale.ENGLISH), headers, List.of(), source);
		assertThat(addressed(headers, guess.mapping())).isEqualTo(expectedMapping(expected));
	}

	@Test
	void everyKindAndColumnTheSetsNameIsOneThatIsImportedAndEverySystemHasAName() {
		assertThat(kinds.all().stream().map(ImportableKind::name).toList()).containsAll(headerSets.kindsNamed());
		assertThat(headerSets.sources()).containsExactly("espocrm", "hubspot", "odoo", "pipedrive", "rapport",
				"salesforce", "suitecrm", "zoho");
		assertThat(headerSets.names()).containsEntry("hubspot", "HubSpot").containsEntry("suitecrm",
				"SuiteCRM / SugarCRM");
	}

	@Test
	void headersThatTwoSystemsKnowAlikeTellNeither() {
		assertThat(headerSets.detect(List.of("Billing Address Street", "Billing Address City", "Name"))).isEmpty();
		assertThat(headerSets.detect(List.of("billing_address_street", "billing_address_city", "name")))
			.contains("suitecrm");
		assertThat(headerSets.detect(List.of("billingAddressStreet", "billingAddressCity", "name")))
			.contains("espocrm");
	}

	@Test
	void oneHeaderOnlyASystemWritesIsNotEnoughToTellIt() {
		assertThat(headerSets.detect(List.of("Name", "Phone", "BillingState"))).isEmpty();
		assertThat(headerSets.detect(List.of("Name", "Phone", "BillingState", "OwnerId"))).contains("salesforce");
		assertThat(headerSets.detect(List.of("Last Name", "E-mail", "Company"))).isEmpty();
	}

	/** The mapping as column address to field. */
	static Map<String, String> addressed(List<String> headers, Map<Integer, String> mapping) {
		Map<String, String> addressed = new LinkedHashMap<>();
		mapping.forEach((column, field) -> addressed.put(ColumnAddress.of(headers, column), field));
		return addressed;
	}

	static Map<String, String> expectedMapping(List<String> pairs) {
		Map<String, String> expected = new LinkedHashMap<>();
		pairs.stream().map(pair -> pair.split("=")).forEach(pair -> expected.put(pair[0], pair[1]));
		return expected;
	}
}
