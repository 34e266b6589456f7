package io.dunning.channel;

public enum Channel {
	EMAIL, SMS, LETTER
}
