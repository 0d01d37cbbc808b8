package org.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.internal.ApiToken;
import org.rapport.identity.internal.ApiTokenService;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A personal API token's times follow the application's clock: when it was made, until when it lasts, when it was
 * revoked.
 */
@RapportTest
@Import(TestClock.Setup.class)
class ApiTokenTimesIntegrationTests {

	static final Instant MADE = Instant.parse("2026-03-02T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void stopTheClock() {
		clock.setTo(MADE);
	}

	@Test
	void aTokenMadeForThirtyDaysWorksUntilTheLastMomentOfItsThirtiethDayAndNotAfter() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		String secret = (String) mvc.perform(post("/profile/tokens").with(data.as(user)).with(csrf())
			.param("name", "Month token")
			.param("days", "30"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("newSecret");
		ApiToken token = tokens.tokensOf(user.userId()).get(0);
		assertThat(token.getCreatedAt()).isEqualTo(MADE);
		assertThat(token.getExpiresAt()).isEqualTo(MADE.plus(Duration.ofDays(30)));

		clock.setTo(MADE.plus(Duration.ofDays(30)).minusSeconds(1));
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
		clock.setTo(MADE.plus(Duration.ofDays(30)));
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aRevokedTokenKeepsWhenItWasRevoked() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		ApiTokenService.IssuedToken issued = data.issue(user);
		clock.advance(Duration.ofHours(5));

		data.revoke(user, issued);

		ApiToken revoked = tokens.tokensOf(user.userId()).get(0);
		assertThat(revoked.getCreatedAt()).isEqualTo(MADE);
		assertThat(revoked.getExpiresAt()).as("made without an end").isNull();
		assertThat(revoked.getRevokedAt()).isEqualTo(MADE.plus(Duration.ofHours(5)));
	}

	@Test
	void aTokenRevokedOrAUserDeactivatedOnAnotherNodeStopsHereWithinTheRecheckTime() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		ApiTokenService.IssuedToken issued = data.issue(user);
		String bearer = "Bearer " + issued.secret();
		mvc.perform(get("/api/v1/accounts").header("Authorization", bearer)).andExpect(status().isOk());

		// another node revokes it: this node learns of it only from the database
		jdbc.update("update api_token set revoked_at = ? where id = ?", java.sql.Timestamp.from(clock.instant()),
				issued.token().getId());
		clock.advance(Duration.ofMillis(900));
		mvc.perform(get("/api/v1/accounts").header("Authorization", bearer)).andExpect(status().isOk());
		clock.advance(Duration.ofMillis(100));
		mvc.perform(get("/api/v1/accounts").header("Authorization", bearer)).andExpect(status().isUnauthorized());

		ApiTokenService.IssuedToken other = data.issue(user);
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + other.secret()))
			.andExpect(status().isOk());
		jdbc.update("update app_user set active = false, version = version + 1 where id = ?", user.getId());
		clock.advance(Duration.ofSeconds(1));
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + other.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenRevokedHereStopsAtOnceEvenWhenARequestReadItWhileTheRevocationWasUncommitted() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		ApiTokenService.IssuedToken issued = data.issue(user);
		String secret = issued.secret();

		transactions.executeWithoutResult(status -> {
			assertThat(tokens.revoke(new UserId(user.getId()), issued.token().getId())).isTrue();
			// a request on another thread meanwhile still sees the token as committed: live
			assertThat(CompletableFuture.supplyAsync(() -> tokens.authenticate(secret)).join()).isPresent();
		});

		assertThat(tokens.authenticate(secret)).as("at once after the revocation commits, with no time passed")
			.isEmpty();
	}
}
