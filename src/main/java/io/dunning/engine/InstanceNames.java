package io.dunning.engine;

import java.util.Optional;

/** Names the invoice a process instance of this engine run works on, for the module that started it. */
public interface InstanceNames {

	Optional<String> invoiceOf(long processInstanceKey);

}
