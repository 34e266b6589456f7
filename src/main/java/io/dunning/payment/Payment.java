package io.dunning.payment;

import java.time.LocalDate;

import io.dunning.invoice.Money;

record Payment(String reference, String invoiceNumber, Money amount, LocalDate paidOn) {
}
