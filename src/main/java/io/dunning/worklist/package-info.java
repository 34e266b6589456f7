/**
 * The collectors' task list: user-task jobs projected into MySQL, claimed and completed through the API, with the
 * submitted data checked against the task's form before the engine hears of it.
 */
package io.dunning.worklist;
