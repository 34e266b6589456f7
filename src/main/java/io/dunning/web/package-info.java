/**
 * Shared web concerns: errors as RFC 9457 problem details, and the web shell every module's pages use (layout,
 * login, navigation by role, language, security headers).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.dunning.web;
