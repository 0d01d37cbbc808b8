package org.rapport.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for tests (GreenMail) on a port of its own, and the settings that point Rapport at it. The
 * server starts when a test asks for it, so that a test can first see what Rapport does while none listens.
 */
public final class TestSmtp {

	private final int port = freePort();

	/** Points Rapport's mail at this server, from a {@code @DynamicPropertySource}. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
	}

	/** Starts the server; stop it after the test. */
	public GreenMail start() {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
