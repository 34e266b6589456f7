package io.dunning.escalation.cases;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * The real Camunda client with the faults of a bad network, added to an application by
 * {@code spring.main.sources}. Every command really runs, except as told here:
 * <ul>
 * <li>{@link #lostCreateAnswers}: the next creations reach the engine and succeed, but their answer is lost on the way
 * back (the caller sees DEADLINE_EXCEEDED), as with a timeout after the broker has acted;</li>
 * <li>{@link #refusedPublishes}: the next message publications never reach the engine (UNAVAILABLE);</li>
 * <li>{@link #createAnswers}: while this gate is open (not completed), creations reach the engine but their answers
 * wait for it, as from an engine that works slowly.</li>
 * </ul>
 * Not a {@code @Configuration}: component scanning would then add it to every application started from the test
 * classpath, the benchmarks' included.
 */
public class FlakyEngine {

	public static final AtomicInteger lostCreateAnswers = new AtomicInteger();
	public static final AtomicInteger refusedPublishes = new AtomicInteger();
	public static volatile CompletableFuture<Void> createAnswers = CompletableFuture.completedFuture(null);

	@Bean
	static BeanPostProcessor flakyCamundaClient() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof CamundaClient client ? wrap(client, CamundaClient.class, null) : bean;
			}
		};
	}

	private static Object wrap(Object target, Class<?> type, String command) {
		InvocationHandler handler = (proxy, method, args) -> {
			String root = command == null ? method.getName() : command;
			if (method.getName().equals("send") && "newPublishMessageCommand".equals(root)
					&& refusedPublishes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				return future(CompletableFuture.failedFuture(new ClientStatusException(Status.UNAVAILABLE, null)));
			}
			Object result = invoke(target, method, args);
			if (method.getName().equals("send") && "newCreateInstanceCommand".equals(root)
					&& lostCreateAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				CompletableFuture<Object> lost = ((CamundaFuture<?>) result).toCompletableFuture()
					.thenCompose(created -> CompletableFuture
						.failedFuture(new ClientStatusException(Status.DEADLINE_EXCEEDED, null)));
				return future(lost);
			}
			if (method.getName().equals("send") && "newCreateInstanceCommand".equals(root) && !createAnswers.isDone()) {
				return future(((CamundaFuture<?>) result).toCompletableFuture().thenCombine(createAnswers, (created, gate) -> created));
			}
			Class<?> returned = method.getReturnType();
			if (result != null && returned.isInterface() && returned.getName().startsWith("io.camunda.client.api.command")) {
				return wrap(result, returned, root);
			}
			return result;
		};
		return Proxy.newProxyInstance(FlakyEngine.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object future(CompletableFuture<Object> outcome) {
		return Proxy.newProxyInstance(FlakyEngine.class.getClassLoader(), new Class<?>[] { CamundaFuture.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "join" -> {
						try {
							yield args == null ? outcome.get() : outcome.get((Long) args[0], (TimeUnit) args[1]);
						}
						catch (ExecutionException e) {
							throw e.getCause();
						}
					}
					case "cancel" -> outcome.cancel((Boolean) args[0]);
					default -> invoke(outcome, CompletableFuture.class.getMethod(method.getName(), method.getParameterTypes()),
							args);
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

}
