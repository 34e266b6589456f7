package io.dunning;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole application started and stopped by the test itself, as an operator would restart it. */
public final class AppInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private AppInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static AppInstance start(Map<String, String> properties) {
		Map<String, String> all = new HashMap<>(properties);
		all.put("server.port", "0");
		all.putIfAbsent("dunning.handoff.target", "target/handoff");
		// As command-line arguments: they win over application.yml, as an operator's settings do.
		String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new AppInstance(new SpringApplicationBuilder(DunningApplication.class).run(args));
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
