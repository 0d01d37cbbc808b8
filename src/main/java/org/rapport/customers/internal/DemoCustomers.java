package org.rapport.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.rapport.shared.PostalAddress;

/**
 * Fills an empty database with a few hundred accounts and their contacts, spread over the demo users.
 */
@Component
@Profile("demo")
@Order(2)
class DemoCustomers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

	private final Accounts accounts;
	private final Contacts contacts;
	private final UserDirectory directory;
	private final TransactionTemplate transactions;
	private final int accountCount;

	DemoCustomers(Accounts accounts, Contacts contacts, UserDirectory directory, TransactionTemplate transactions,
			@Value("${rapport.demo.accounts:300}") int accountCount) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.directory = directory;
		this.transactions = transactions;
		this.accountCount = accountCount;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		List<UserSummary> owners = directory.activeUsers().stream().filter(user -> user.team() != null).toList();
		if (owners.isEmpty()) {
			return;
		}
		Random random = new Random(42);
		Faker faker = new Faker(Locale.ENGLISH, random);
		Faker chinese = new Faker(Locale.SIMPLIFIED_CHINESE, random);
		transactions.executeWithoutResult(status -> {
			List<Account> newAccounts = new ArrayList<>();
			List<Contact> newContacts = new ArrayList<>();
			for (int i = 0; i < accountCount; i++) {
				UserSummary owner = owners.get(random.nextInt(owners.size()));
				boolean inChina = random.nextInt(6) == 0;
				Faker f = inChina ? chinese : faker;
				boolean person = random.nextInt(8) == 0;
				String name = person ? f.name().fullName() : f.company().name();
				String domain = faker.internet().domainWord() + i + "." + faker.internet().domainSuffix();
				Account account = Account.open(new AccountDetails(name, person ? AccountType.PERSON : AccountType.COMPANY,
						pick(random, Industry.values()), person ? null : "https://www." + domain,
						f.phoneNumber().phoneNumber(), "info@" + domain,
						new PostalAddress(f.address().streetAddress(), f.address().city(), f.address().zipCode(),
								f.address().state(), inChina ? "China" : f.address().country()),
						stage(random), pick(random, AccountSource.values()),
						random.nextInt(3) == 0 ? faker.company().catchPhrase() : null), owner.id(), owner.team());
				newAccounts.add(account);
				int people = person ? 1 : 1 + random.nextInt(5);
				for (int c = 0; c < people; c++) {
					String first = f.name().firstName();
					String last = f.name().lastName();
					String mail = (faker.internet().username() + c).toLowerCase(Locale.ROOT) + "@" + domain;
					newContacts.add(Contact.create(new ContactDetails(first, last, f.job().title(), mail,
							f.phoneNumber().cellPhone(), PostalAddress.EMPTY, random.nextInt(15) == 0), account,
							owner.id(), owner.team()));
				}
			}
			addLookAlikes(newAccounts, newContacts);
			accounts.saveAll(newAccounts);
			contacts.saveAll(newContacts);
			log.info("Demo data: {} accounts and {} contacts", newAccounts.size(), newContacts.size());
		});
	}

	/**
	 * A few accounts entered twice, as happens: the name in capitals with a legal form, the same website, and a
	 * contact entered again with the e-mail in capitals, for the duplicates list and the merge to show.
	 */
	private static void addLookAlikes(List<Account> newAccounts, List<Contact> newContacts) {
		List<Account> companies = newAccounts.stream()
			.filter(a -> a.getType() == AccountType.COMPANY && a.getWebsite() != null)
			.limit(4)
			.toList();
		for (Account original : companies) {
			Account twin = Account.open(new AccountDetails(original.getName().toUpperCase(Locale.ROOT) + " Ltd.",
					AccountType.COMPANY, null, original.getWebsite(), null, original.getEmail(), PostalAddress.EMPTY,
					LifecycleStage.PROSPECT, null, null), original.owner(), original.team());
			newAccounts.add(twin);
			newContacts.stream()
				.filter(c -> c.getAccount() == original && c.getEmail() != null)
				.findFirst()
				.ifPresent(c -> newContacts.add(Contact.create(new ContactDetails(c.getFirstName(), c.getLastName(),
						null, c.getEmail().toUpperCase(Locale.ROOT), null, PostalAddress.EMPTY, false), twin,
						twin.owner(), twin.team())));
		}
	}

	private static LifecycleStage stage(Random random) {
		int roll = random.nextInt(10);
		if (roll < 4) {
			return LifecycleStage.PROSPECT;
		}
		if (roll < 6) {
			return LifecycleStage.NEW;
		}
		return roll < 9 ? LifecycleStage.EXISTING : LifecycleStage.LOST;
	}

	private static <T> T pick(Random random, T[] values) {
		return values[random.nextInt(values.length)];
	}
}
