package org.rapport.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rapport.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes, lists, revokes and checks personal API tokens.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "rpt_";

	private final SecureRandom random = new SecureRandom();
	private final ApiTokens tokens;
	private final Users users;
	private final Principals principals;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration recheck;
	/** Principals of tokens checked lately, with the version of the user they were made from. */
	private final Cache<String, Known> known = Caffeine.newBuilder().maximumSize(10_000).build();

	ApiTokenService(ApiTokens tokens, Users users, Principals principals, JdbcClient jdbc, Clock clock,
			SecurityProperties properties) {
		this.tokens = tokens;
		this.users = users;
		this.principals = principals;
		this.jdbc = jdbc;
		this.clock = clock;
		this.recheck = properties.getTokenRecheck();
	}

	/**
	 * A new token for the user, valid for the given time from now or, without one, until revoked; the returned
	 * secret is shown once and never stored.
	 */
	@Transactional
	public IssuedToken issue(UserId user, String name, Duration validFor) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		return new IssuedToken(store(user, name, secret, validFor == null ? null : now.plus(validFor), now), secret);
	}

	/** Stores a secret chosen outside Rapport, such as the administrator token given at first start. */
	@Transactional
	public ApiToken register(UserId user, String name, String secret) {
		if (secret.length() < 16) {
			throw new IllegalArgumentException("An API token needs at least 16 characters");
		}
		return store(user, name, secret, null, clock.instant());
	}

	private ApiToken store(UserId user, String name, String secret, Instant expiresAt, Instant now) {
		String hint = secret.substring(0, Math.min(secret.length(), PREFIX.length() + 4));
		return tokens.save(new ApiToken(user.value(), name.strip(), hash(secret), hint, expiresAt, now));
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokensOf(UserId user) {
		return tokens.findByUserIdOrderByCreatedAtDesc(user.value());
	}

	/** Revokes one of the user's own tokens; answers whether there was such a token. */
	@Transactional
	public boolean revoke(UserId user, UUID tokenId) {
		return tokens.findById(tokenId).filter(token -> token.getUserId().equals(user.value())).map(token -> {
			token.revoke(clock.instant());
			forgetOnCommit(token.getTokenHash());
			return true;
		}).orElse(false);
	}

	/**
	 * The principal a bearer token stands for, if the token is known, live, and its user active. The token's and the
	 * user's state (one row) are read again once {@code rapport.security.token-recheck} has passed since this node
	 * last read them, so that a revocation or a deactivation on another node holds within that time; on this node it
	 * holds at once ({@link #revoke}, {@link #forgetAll}). A token that expires meanwhile stops at its expiry.
	 */
	public Optional<RapportPrincipal> authenticate(String secret) {
		String hash = hash(secret);
		Instant now = clock.instant();
		Known cached = known.getIfPresent(hash);
		if (cached != null && !now.isBefore(cached.checkedAt()) && now.isBefore(cached.checkedAt().plus(recheck))) {
			return cached.liveAt(now) ? Optional.of(cached.principal()) : Optional.empty();
		}
		Optional<TokenState> state = jdbc
			.sql("select t.user_id, u.version, t.expires_at from api_token t join app_user u on u.id = t.user_id"
					+ " where t.token_hash = :hash and t.revoked_at is null"
					+ " and (t.expires_at is null or t.expires_at > :now) and u.active = true")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new TokenState(rs.getObject(1, UUID.class), rs.getLong(2),
					Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)))
			.optional();
		if (state.isEmpty()) {
			known.invalidate(hash);
			return Optional.empty();
		}
		if (cached != null && cached.userVersion() == state.get().userVersion()) {
			known.put(hash, new Known(cached.userVersion(), cached.principal(), state.get().expiresAt(), now));
			return Optional.of(cached.principal());
		}
		Optional<User> user = users.findById(state.get().user()).filter(User::isActive);
		user.ifPresent(u -> known.put(hash,
				new Known(u.getVersion(), principals.principalOf(u), state.get().expiresAt(), now)));
		return user.map(principals::principalOf);
	}

	/**
	 * Forgets what this node read of the token now and again once the revocation commits: a request that reads it
	 * in between still finds it live in the database, and would otherwise keep it for the recheck time.
	 */
	private void forgetOnCommit(String hash) {
		known.invalidate(hash);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					known.invalidate(hash);
				}
			});
		}
	}

	/** Reads every token again at its next use, as after a change of a user on this node. */
	public void forgetAll() {
		known.invalidateAll();
	}

	private record TokenState(UUID user, long userVersion, Instant expiresAt) {
	}

	/** What this node last read of a token, and when. */
	private record Known(long userVersion, RapportPrincipal principal, Instant expiresAt, Instant checkedAt) {

		boolean liveAt(Instant now) {
			return expiresAt == null || expiresAt.isAfter(now);
		}
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", e);
		}
	}

	public record IssuedToken(ApiToken token, String secret) {
	}
}
