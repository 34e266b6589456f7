package io.dunning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class DunningApplication {

	public static void main(String[] args) {
		try {
			SpringApplication.run(DunningApplication.class, args);
		}
		catch (RuntimeException failure) {
			// The embedded engine holds a non-daemon timer: without an explicit exit a failed start hangs the JVM.
			failure.printStackTrace();
			System.exit(1);
		}
	}

}
