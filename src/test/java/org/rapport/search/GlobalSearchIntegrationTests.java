package org.rapport.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.ContactDetails;
import org.rapport.customers.internal.ContactService;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.search.internal.GlobalSearch;
import org.rapport.search.internal.SearchHit;
import org.rapport.search.internal.SearchQuery;
import org.rapport.search.internal.SearchResults;
import org.rapport.shared.Money;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the global search finds, in which order, and for whom.
 */
@RapportTest
class GlobalSearchIntegrationTests {

	private static final Random RANDOM = new Random();

	@Autowired
	TestData data;

	@Autowired
	GlobalSearch search;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	@Autowired
	OrderBook orders;

	@Autowired
	ContractBook contracts;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	Indexing indexing;

	@Test
	void anExactNameComesBeforeAPrefixAPrefixBeforeAWordInsideAndThatBeforeAOneTypoMatch() {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		String word = word();
		String typo = word.substring(0, 4) + (word.charAt(4) == 'x' ? 'y' : 'x') + word.substring(5);
		Account fuzzy = account(admin, capital(typo) + " Holdings");
		Account inside = account(admin, "Bad" + word + " Logistics");
		Account prefix = account(admin, capital(word) + "ton Trading");
		Account exact = account(admin, capital(word) + " Partners");

		List<SearchHit> hits = find(admin, word);

		assertThat(hits).extracting(SearchHit::id)
			.containsExactly(exact.getId(), prefix.getId(), inside.getId(), fuzzy.getId());
		assertThat(hits.get(0).kind().code()).isEqualTo("account");
		assertThat(hits.get(0).title()).isEqualTo(capital(word) + " Partners");
		assertThat(hits.get(0).path()).isEqualTo("/accounts/" + exact.getId());
	}

	@Test
	void aWordOfThreeLettersOrMoreFindsTheNamesThatHoldItInsideTheirWords() {
		Actor owner = data.actor(data.user(null, Role.ADMIN));
		var mitchell = contacts.create(owner, new ContactDetails("Ada", "Mitchell", null, null, null,
				PostalAddress.EMPTY, false), null, null, null);
		var muller = contacts.create(owner, new ContactDetails("Jonas", "Müller", null, null, null,
				PostalAddress.EMPTY, false), null, null, null);
		Account tomato = account(owner, "Tomato Growers");

		assertThat(mine(owner, "itch")).containsExactly(mitchell.getId());
		assertThat(mine(owner, "ITCHEL")).containsExactly(mitchell.getId());
		assertThat(mine(owner, "ada itch")).containsExactly(mitchell.getId());
		assertThat(mine(owner, "üll")).containsExactly(muller.getId());
		assertThat(mine(owner, "ull")).containsExactly(muller.getId());
		assertThat(mine(owner, "ulle")).containsExactly(muller.getId());
		assertThat(mine(owner, "mato")).containsExactly(tomato.getId());
		assertThat(mine(owner, "rowe")).containsExactly(tomato.getId());
		// the runs of three letters must follow each other as typed: Tomato holds "mat", "ato" and "tom"
		assertThat(mine(owner, "matom")).isEmpty();
		// nor does a word reach across the blank between two words
		assertThat(mine(owner, "atogro")).isEmpty();
		// the beginning of an e-mail address is looked for in e-mail addresses, not inside names
		assertThat(mine(owner, "ada.mit")).isEmpty();
	}

	@Test
	void aWordOfOneOrTwoLettersIsLookedForAtTheBeginningOfWordsOnly() {
		Actor owner = data.actor(data.user(null, Role.ADMIN));
		var mitchell = contacts.create(owner, new ContactDetails("Ada", "Mitchell", null, null, null,
				PostalAddress.EMPTY, false), null, null, null);

		assertThat(mine(owner, "mi")).containsExactly(mitchell.getId());
		assertThat(mine(owner, "it")).isEmpty();
		assertThat(mine(owner, "l")).isEmpty();
		assertThat(mine(owner, "ll")).isEmpty();
	}

	@Test
	void digitsAnywhereInAPhoneNumberFindItAfterTheNumbersThatBeginWithThem() {
		Actor owner = data.actor(data.user(null, Role.ADMIN));
		var inside = contacts.create(owner, new ContactDetails("Hanna", capital(word()), null, null,
				"+49 40 1234567", PostalAddress.EMPTY, false), null, null, null);
		Account beginning = accounts.create(owner, new AccountDetails(capital(word()) + " Telecom",
				AccountType.COMPANY, null, null, "3456 901", null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null,
				null), null, null);

		assertThat(mine(owner, "3456")).containsExactly(beginning.getId(), inside.getId());
		assertThat(mine(owner, "4567")).containsExactly(inside.getId());
		assertThat(mine(owner, "401-234")).containsExactly(inside.getId());
		assertThat(mine(owner, "4568")).isEmpty();
		assertThat(mine(owner, "45")).isEmpty();
	}

	@Test
	void findsAContactByNameEmailAndPhoneWithAccountAsSubtitle() {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		String word = word();
		Account account = account(admin, capital(word) + " Industries");
		var contact = contacts.create(admin, new ContactDetails("Mireille", capital(word) + "ova", null,
				word + ".m@example.org", "+33 1 4455 " + (1000 + RANDOM.nextInt(8999)), PostalAddress.EMPTY, false),
				account.getId(), null, null);

		assertThat(find(admin, "mireille " + word.substring(0, 3))).extracting(SearchHit::id).contains(contact.getId());
		assertThat(find(admin, word + ".m@exam")).extracting(SearchHit::id).containsExactly(contact.getId());
		SearchHit byEmail = find(admin, word + ".m@example.org").get(0);
		assertThat(byEmail.subtitle()).startsWith(capital(word) + " Industries");
	}

	@Test
	void findsChineseNamesByTheirCharactersAndPairs() {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		String[] given = { "晓明", "建华", "秀英", "志强", "丽娟" };
		String name = "欧阳" + given[RANDOM.nextInt(given.length)] + word();
		Account account = account(admin, name);

		assertThat(find(admin, name)).extracting(SearchHit::id).contains(account.getId());
		assertThat(find(admin, name.substring(0, 3))).extracting(SearchHit::id).contains(account.getId());
		assertThat(find(admin, name.substring(2, 4))).extracting(SearchHit::id).contains(account.getId());
	}

	@Test
	void aSalesUserNeverSeesAnotherTeamsRecordNorCountsIt() {
		TeamId teamA = data.team();
		TeamId teamB = data.team();
		Actor salesA = data.actor(data.user(teamA, Role.SALES));
		Actor salesB = data.actor(data.user(teamB, Role.SALES));
		String word = word();
		Account ours = account(salesA, capital(word) + " Ours");
		Account theirs = account(salesB, capital(word) + " Theirs");
		indexing.settle();

		SearchResults results = search.search(salesA, new SearchQuery(word, null, null, 0, 20), true);

		assertThat(results.hits()).extracting(SearchHit::id).containsExactly(ours.getId());
		assertThat(results.total()).isEqualTo(1);
		assertThat(results.count("account")).isEqualTo(1);
		assertThat(search.search(salesB, new SearchQuery(word, null, null, 0, 20), true).hits())
			.extracting(SearchHit::id)
			.containsExactly(theirs.getId());
		SearchResults inside = search.search(salesA, new SearchQuery(word.substring(1), null, null, 0, 20), true);
		assertThat(inside.hits()).extracting(SearchHit::id).containsExactly(ours.getId());
		assertThat(inside.count("account")).isEqualTo(1);
	}

	@Test
	void aPhoneNumberIsFoundAsTypedWithOrWithoutSpacesDashesAndBrackets() {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		String local = String.valueOf(100_000 + RANDOM.nextInt(899_999));
		var contact = contacts.create(admin, new ContactDetails("Hanna", capital(word()), null, null,
				"+49 40 " + local, PostalAddress.EMPTY, false), null, null, null);

		for (String typed : new String[] { "+49 40 " + local, "+49-40-" + local, "+49 (40) " + local,
				"+4940" + local, "49 40 " + local.substring(0, 3) }) {
			assertThat(find(admin, typed)).as(typed).extracting(SearchHit::id).contains(contact.getId());
		}
	}

	@Test
	void aPhoneNumberFindsItsRecordBeforeRecordsWhoseNamesHoldItsParts() {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		String local = String.valueOf(100_000 + RANDOM.nextInt(899_999));
		for (int i = 0; i < 25; i++) {
			// names holding the parts of the number, or parts one typo away: "Halle 40", "Lager 41"
			account(admin, capital(word()) + " " + (40 + i % 10) + " " + (49 - i % 3));
		}
		var contact = contacts.create(admin, new ContactDetails("Hanna", capital(word()), null, null,
				"+49 40 " + local, PostalAddress.EMPTY, false), null, null, null);

		for (String typed : new String[] { "+49-40-" + local, "+49 40 " + local, "+49 (40) " + local }) {
			assertThat(find(admin, typed)).as(typed).extracting(SearchHit::id).first().isEqualTo(contact.getId());
		}
	}

	@Test
	void aRecordNumberFindsItsOwnKindExactlyOrByItsBeginningAndNothingNamedLikeIt() {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		Account account = account(admin, capital(word()) + " Numbers");
		contacts.create(admin, new ContactDetails("Ord", "Ordway " + capital(word()), null, null, null,
				PostalAddress.EMPTY, false), account.getId(), null, null);
		Product product = catalogue.create(admin, new ProductDetails(TestData.unique("SKU"), "Numbered " + word(),
				null, Money.of("5", "EUR"), "Test", true));
		SalesOrder order = orders.create(admin, new OrderDetails(account.getId(), LocalDate.now(), null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null))));
		Contract contract = contracts.create(admin, new ContractDetails(account.getId(), null, LocalDate.now(),
				LocalDate.now().plusYears(1), BigDecimal.TEN, "EUR", false, 30, null));

		assertThat(find(admin, order.getNumber())).extracting(SearchHit::id).containsExactly(order.getId());
		assertThat(find(admin, contract.getNumber())).extracting(SearchHit::id).containsExactly(contract.getId());
		String orderPrefix = order.getNumber().substring(0, order.getNumber().length() - 1).toLowerCase();
		List<SearchHit> byPrefix = search.search(admin, new SearchQuery(orderPrefix, null, null, 0, 100), false).hits();
		assertThat(byPrefix).extracting(SearchHit::id).contains(order.getId());
		assertThat(byPrefix).allSatisfy(hit -> {
			assertThat(hit.kind().code()).isEqualTo("order");
			assertThat(hit.title().toLowerCase()).startsWith(orderPrefix);
		});
		String contractPrefix = contract.getNumber().substring(0, contract.getNumber().length() - 2);
		assertThat(search.search(admin, new SearchQuery(contractPrefix, null, null, 0, 100), false).hits())
			.isNotEmpty()
			.allSatisfy(hit -> assertThat(hit.kind().code()).isEqualTo("contract"));
	}

	private List<SearchHit> find(Actor actor, String text) {
		indexing.settle();
		return search.search(actor, new SearchQuery(text, null, null, 0, 20), false).hits();
	}

	/** The ids of the records the actor owns that the text finds, best first, once the index has every save. */
	private List<UUID> mine(Actor actor, String text) {
		indexing.settle();
		return search.search(actor, new SearchQuery(text, null, actor.id().value(), 0, 20), false)
			.hits()
			.stream()
			.map(SearchHit::id)
			.toList();
	}

	private Account account(Actor actor, String name) {
		return accounts.create(actor, new AccountDetails(name, AccountType.COMPANY, null, null, null, null,
				PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null), null, null);
	}

	/** A made-up word of seven letters that no other test uses. */
	static String word() {
		StringBuilder word = new StringBuilder("q");
		for (int i = 0; i < 6; i++) {
			word.append((char) ('a' + RANDOM.nextInt(26)));
		}
		return word.toString();
	}

	static String capital(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}
}
