package io.dunning.invoice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Customers {

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> idOf(String externalId) {
		return jdbc.sql("SELECT id FROM customer WHERE external_id = ?").param(externalId).query(Long.class).optional();
	}

	/** Inserts the customer or refreshes its contact details: the ERP is the source of truth for them. */
	long save(Customer customer, Instant now) {
		Optional<Long> existing = idOf(customer.externalId());
		if (existing.isPresent()) {
			jdbc.sql("""
					UPDATE customer SET name = :name, type = :type, language = :language, email = :email, phone = :phone,
					       address_line1 = :line1, address_line2 = :line2, postcode = :postcode, city = :city,
					       country = :country, company_id = :companyId, contact_person = :contactPerson,
					       portfolio_owner = :portfolioOwner, segment = :segment, risk_class = :riskClass
					WHERE id = :id
					""")
				.params(contact(customer))
				.param("id", existing.get())
				.update();
			return existing.get();
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO customer (external_id, name, type, language, email, phone, address_line1, address_line2,
				                      postcode, city, country, company_id, contact_person, portfolio_owner, segment,
				                      risk_class, created_at)
				VALUES (:externalId, :name, :type, :language, :email, :phone, :line1, :line2, :postcode, :city, :country,
				        :companyId, :contactPerson, :portfolioOwner, :segment, :riskClass, :now)
				""")
			.params(contact(customer))
			.param("externalId", customer.externalId())
			.param("now", Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	private static Map<String, Object> contact(Customer customer) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", customer.name());
		values.put("type", customer.type().name());
		values.put("language", customer.language());
		values.put("email", customer.email());
		values.put("phone", customer.phone());
		PostalAddress address = customer.address() == null ? new PostalAddress(null, null, null, null, null)
				: customer.address();
		values.put("line1", address.line1());
		values.put("line2", address.line2());
		values.put("postcode", address.postcode());
		values.put("city", address.city());
		values.put("country", address.country());
		values.put("companyId", customer.companyId());
		values.put("contactPerson", customer.contactPerson());
		values.put("portfolioOwner", customer.portfolioOwner());
		values.put("segment", customer.segment());
		values.put("riskClass", customer.riskClass());
		return values;
	}

}
