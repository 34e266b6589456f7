package io.dunning.invoice;

/** Business customers owe the 40 € flat recovery indemnity on late payment; consumers do not. */
public enum CustomerType {
	B2B, B2C
}
