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
	/** Principals of tokens checked lately, with the version of the user they were made from. */
	private final Cache<String, Known> known = Caffeine.newBuilder().maximumSize(10_000).build();

	ApiTokenService(ApiTokens tokens, Users users, Principals principals, JdbcClient jdbc, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.principals = principals;
		this.jdbc = jdbc;
		this.clock = clock;
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
			known.invalidate(token.getTokenHash());
			return true;
		}).orElse(false);
	}

	/**
	 * The principal a bearer token stands for, if the token is known, live, and its user active. Each call reads the
	 * token's and the user's state (one row), so that a revocation or a deactivation on any node holds at once; the
	 * principal itself is made again only when the user changed.
	 */
	public Optional<RapportPrincipal> authenticate(String secret) {
		String hash = hash(secret);
		Instant now = clock.instant();
		Optional<TokenState> state = jdbc
			.sql("select t.user_id, u.version from api_token t join app_user u on u.id = t.user_id"
					+ " where t.token_hash = :hash and t.revoked_at is null"
					+ " and (t.expires_at is null or t.expires_at > :now) and u.active = true")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new TokenState(rs.getObject(1, UUID.class), rs.getLong(2)))
			.optional();
		if (state.isEmpty()) {
			known.invalidate(hash);
			return Optional.empty();
		}
		Known cached = known.getIfPresent(hash);
		if (cached != null && cached.userVersion() == state.get().userVersion()) {
			return Optional.of(cached.principal());
		}
		Optional<User> user = users.findById(state.get().user()).filter(User::isActive);
		user.ifPresent(u -> known.put(hash, new Known(u.getVersion(), principals.principalOf(u))));
		return user.map(principals::principalOf);
	}

	private record TokenState(UUID user, long userVersion) {
	}

	private record Known(long userVersion, RapportPrincipal principal) {
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
