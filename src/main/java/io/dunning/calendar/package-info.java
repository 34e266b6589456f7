/**
 * The business calendar of the company's zone: which days are worked (no weekend, no public holiday, no configured day
 * off). The worklist counts its SLAs in it, and the channel module keeps customers' contacts off its days off.
 */
package io.dunning.calendar;
