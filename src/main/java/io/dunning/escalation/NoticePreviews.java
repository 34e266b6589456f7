package io.dunning.escalation;

import java.util.Collection;
import java.util.List;

/** The notices these invoices would get today, for the pages where a manager decides to send them. */
public interface NoticePreviews {

	List<NoticePreview> of(Collection<String> invoiceNumbers);

}
