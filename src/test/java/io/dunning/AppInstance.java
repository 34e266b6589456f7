package io.dunning;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole application started and stopped by the test itself, as an operator would restart it. */
public final class AppInstance implements AutoCloseable {

	/**
	 * Contact hours open at any time, every day, as in the test profile: tests run on today's date at any hour. A test
	 * that sets any contact hours of its own gets none of these, and the application's defaults for the rest.
	 */
	public static final Map<String, String> ALWAYS_OPEN = alwaysOpen();

	private final ConfigurableApplicationContext context;

	private AppInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Settings for an application in remote mode against the engine at this gateway address, with one user
	 * {@code ops} / {@code s3cret} holding these roles (remote mode has no demo users).
	 */
	public static Map<String, String> remote(Map<String, String> database, String gatewayAddress, String roles) {
		Map<String, String> properties = new HashMap<>(database);
		properties.put("dunning.engine.mode", "remote");
		properties.put("camunda.client.mode", "self-managed");
		properties.put("camunda.client.grpc-address", "http://" + gatewayAddress);
		properties.put("camunda.client.rest-address", "http://127.0.0.1:1");
		properties.put("camunda.client.prefer-rest-over-grpc", "false");
		properties.put("dunning.security.users[0].username", "ops");
		properties.put("dunning.security.users[0].password", "{noop}s3cret");
		properties.put("dunning.security.users[0].roles", roles);
		return properties;
	}

	public static AppInstance start(Map<String, String> properties) {
		Map<String, String> all = new HashMap<>(properties);
		all.put("server.port", "0");
		all.putIfAbsent("dunning.handoff.target", "target/handoff");
		// As in the test profile: the tests read sends at the contact time itself (ContactWindowTest covers the window).
		all.putIfAbsent("dunning.contact-window", "PT0S");
		if (all.keySet().stream().noneMatch(key -> key.startsWith("dunning.channel.contact-hours."))) {
			all.putAll(ALWAYS_OPEN);
		}
		// As in the test profile: made-up rates for the half-years after the seeded ones, so that a notice goes out.
		all.putIfAbsent("spring.flyway.locations",
				"classpath:db/migration/common,classpath:db/migration/{vendor},classpath:db/testdata");
		// As command-line arguments: they win over application.yml, as an operator's settings do.
		String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new AppInstance(new SpringApplicationBuilder(DunningApplication.class).run(args));
	}

	private static Map<String, String> alwaysOpen() {
		Map<String, String> properties = new HashMap<>();
		for (String channel : new String[] { "email", "sms", "letter" }) {
			String prefix = "dunning.channel.contact-hours." + channel;
			properties.put(prefix + ".opens", "00:00");
			properties.put(prefix + ".closes", "00:00");
			properties.put(prefix + ".days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
			properties.put(prefix + ".on-days-off", "true");
		}
		return Map.copyOf(properties);
	}

	public Dunning dunning() {
		return new Dunning(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

}
