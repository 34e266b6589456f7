/** Shared web concerns: errors as RFC 9457 problem details. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.dunning.web;
