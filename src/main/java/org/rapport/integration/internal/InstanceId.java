package org.rapport.integration.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Names this node among the nodes of one database when {@code rapport.instance-id} does not: the host name and a
 * random part, so that two nodes on one host, or a node and its successor after a restart, are told apart.
 */
final class InstanceId {

	private InstanceId() {
	}

	static String generate() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "node";
		}
		String name = host.length() > 150 ? host.substring(0, 150) : host;
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
