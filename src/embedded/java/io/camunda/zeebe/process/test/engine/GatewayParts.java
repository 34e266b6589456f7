package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.engine.processing.streamprocessor.JobStreamer;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.stream.api.InterPartitionCommandSender;
import io.grpc.BindableService;

/**
 * The test engine's gRPC gateway, wired as its own {@code EngineFactory} wires it, for an assembly that chooses its
 * own state store, log and listening address (io.dunning.engine.embedded). These parts are package-private in
 * zeebe-process-test-engine, so this one class lives in their package; the production build does not compile it.
 */
public final class GatewayParts {

	private final GrpcToLogStreamGateway gateway;

	private final GrpcResponseWriter responseWriter;

	private final CommandSender commandSender;

	private final InMemoryJobStreamer jobStreamer;

	public GatewayParts(LogStream logStream, int partitionId, int partitionCount, int port) {
		CommandWriter writer = new CommandWriter(logStream.newLogStreamWriter());
		GatewayRequestStore requests = new GatewayRequestStore();
		this.commandSender = new CommandSender(writer);
		this.jobStreamer = new InMemoryJobStreamer(writer);
		this.gateway = new GrpcToLogStreamGateway(writer, partitionId, partitionCount, port, requests, jobStreamer);
		this.responseWriter = new GrpcResponseWriter(gateway, requests, null);
	}

	public BindableService grpcService() {
		return gateway;
	}

	public CommandResponseWriter responseWriter() {
		return responseWriter;
	}

	public InterPartitionCommandSender commandSender() {
		return commandSender;
	}

	public JobStreamer jobStreamer() {
		return jobStreamer;
	}

}
