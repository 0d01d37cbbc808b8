package org.rapport.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rapport.identity.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes, lists, revokes and checks personal API tokens.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "rpt_";

	/** How long a checked token is trusted without asking the database again; bounds how late a revocation
	 * takes effect on other nodes. */
	private static final Duration TRUST_FOR = Duration.ofSeconds(30);

	private final SecureRandom random = new SecureRandom();
	private final ApiTokens tokens;
	private final Users users;
	private final Principals principals;
	private final Cache<String, Optional<RapportPrincipal>> checked = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(TRUST_FOR)
		.build();

	ApiTokenService(ApiTokens tokens, Users users, Principals principals) {
		this.tokens = tokens;
		this.users = users;
		this.principals = principals;
	}

	/** A new token for the user; the returned secret is shown once and never stored. */
	@Transactional
	public IssuedToken issue(UserId user, String name, Instant expiresAt) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new IssuedToken(store(user, name, secret, expiresAt), secret);
	}

	/** Stores a secret chosen outside Rapport, such as the administrator token given at first start. */
	@Transactional
	public ApiToken register(UserId user, String name, String secret) {
		if (secret.length() < 16) {
			throw new IllegalArgumentException("An API token needs at least 16 characters");
		}
		return store(user, name, secret, null);
	}

	private ApiToken store(UserId user, String name, String secret, Instant expiresAt) {
		String hint = secret.substring(0, Math.min(secret.length(), PREFIX.length() + 4));
		return tokens.save(new ApiToken(user.value(), name.strip(), hash(secret), hint, expiresAt));
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokensOf(UserId user) {
		return tokens.findByUserIdOrderByCreatedAtDesc(user.value());
	}

	/** Revokes one of the user's own tokens; answers whether there was such a token. */
	@Transactional
	public boolean revoke(UserId user, UUID tokenId) {
		return tokens.findById(tokenId).filter(token -> token.getUserId().equals(user.value())).map(token -> {
			token.revoke();
			checked.invalidate(token.getTokenHash());
			return true;
		}).orElse(false);
	}

	/**
	 * The principal a bearer token stands for, if the token is known, live, and its user active. A token checked
	 * lately is answered from memory, without a transaction or a database connection.
	 */
	public Optional<RapportPrincipal> authenticate(String secret) {
		String hash = hash(secret);
		return checked.get(hash, key -> tokens.findByTokenHash(key)
			.filter(token -> token.isUsableAt(Instant.now()))
			.flatMap(token -> users.findById(token.getUserId()))
			.filter(User::isActive)
			.map(principals::principalOf));
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
