package io.dunning.escalation.steps;

import java.util.Map;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.dunning.escalation.JobFailures;
import io.dunning.escalation.OffPathWorker;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Every service task's worker records its own step: entered before it works, left once it has worked. Done here,
 * around every {@code @JobWorker} method, so no worker has to remember it, and the diagram needs no execution
 * listeners on service tasks (two engine jobs fewer per task). A passing database error while recording fails the
 * job without spending a retry, as {@link JobFailures} does for the work itself.
 * <p>
 * Left alone: listener jobs (they are {@link StepTracker}'s own), user-task jobs (the worklist owns
 * them), the jobs of an {@link OffPathWorker} (they run beside the case's step and must not move it), and jobs inside an instalment's watch (they see its {@code instalment} variable): the case restarts before
 * the whole watch, which records itself.
 */
@Configuration(proxyBeanMethods = false)
class ServiceStepRecording {

	static final String USER_TASK_JOB = "io.camunda.zeebe:userTask";

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor serviceStepRecordingAdvisor(ObjectProvider<StepTracker> tracker) {
		return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, JobWorker.class, true),
				new Recorder(tracker));
	}

	private record Recorder(ObjectProvider<StepTracker> tracker) implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			ActivatedJob job = job(invocation.getArguments());
			if (job == null || invocation.getThis() instanceof StepTracker || invocation.getThis() instanceof OffPathWorker
					|| !isServiceStep(job)) {
				return invocation.proceed();
			}
			String invoiceNumber = (String) job.getVariable("invoiceNumber");
			StepTracker steps = tracker.getObject();
			if (!JobFailures.retrying(job, () -> steps.enterServiceStep(job, invoiceNumber))) {
				return null;
			}
			Object result = invocation.proceed();
			JobFailures.retrying(job, () -> {
				steps.leaveServiceStep(job, invoiceNumber);
				return null;
			});
			return result;
		}

		private static boolean isServiceStep(ActivatedJob job) {
			// The job's kind does not always come through the gateway: the listener jobs are left out by their bean.
			if (job.getKind() == JobKind.EXECUTION_LISTENER || job.getKind() == JobKind.TASK_LISTENER
					|| USER_TASK_JOB.equals(job.getType())) {
				return false;
			}
			Map<String, Object> variables = job.getVariablesAsMap();
			return !variables.containsKey("instalment") && variables.get("invoiceNumber") instanceof String;
		}

		private static ActivatedJob job(Object[] arguments) {
			for (Object argument : arguments) {
				if (argument instanceof ActivatedJob job) {
					return job;
				}
			}
			return null;
		}

	}

}
