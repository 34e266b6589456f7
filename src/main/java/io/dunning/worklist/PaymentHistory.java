package io.dunning.worklist;

/**
 * How the customer paid its other invoices, counted when a task opens: those that fell overdue, and those on which a
 * promise to pay was broken.
 */
record PaymentHistory(int lateInvoices, int brokenPromises) {

	static final PaymentHistory NONE = new PaymentHistory(0, 0);

}
