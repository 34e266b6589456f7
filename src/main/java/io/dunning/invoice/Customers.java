package io.dunning.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Customers {

	static final String COLUMNS = """
			c.external_id, c.name, c.type, c.language, c.email, c.phone, c.address_line1, c.address_line2,
			c.postcode, c.city, c.country, c.company_id, c.contact_person, c.portfolio_owner, c.segment, c.risk_class
			""";

	/** IN lists are cut to this size, so that a large import makes a few queries of a bounded size. */
	static final int CHUNK = 250;

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Stored(long id, Customer customer) {
	}

	/** The known customers among these external ids, by external id. */
	Map<String, Stored> findAll(Collection<String> externalIds) {
		Map<String, Stored> found = new HashMap<>();
		List<String> ids = List.copyOf(externalIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("SELECT c.id, " + COLUMNS + " FROM customer c WHERE c.external_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
				.query((rs, n) -> new Stored(rs.getLong("id"), map(rs)))
				.list()
				.forEach(stored -> found.put(stored.customer().externalId(), stored));
		}
		return found;
	}

	Optional<Customer> find(String externalId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.external_id = ?")
			.param(externalId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	long insert(Customer customer, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO customer (external_id, name, search_name, type, language, email, phone, address_line1,
				                      address_line2, postcode, city, country, company_id, contact_person,
				                      portfolio_owner, segment, risk_class, created_at)
				VALUES (:externalId, :name, :searchName, :type, :language, :email, :phone, :line1, :line2, :postcode,
				        :city, :country, :companyId, :contactPerson, :portfolioOwner, :segment, :riskClass, :now)
				""")
			.params(contact(customer))
			.param("externalId", customer.externalId())
			.param("now", Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void update(long id, Customer customer) {
		jdbc.sql("""
				UPDATE customer SET name = :name, search_name = :searchName, type = :type, language = :language, email = :email, phone = :phone,
				       address_line1 = :line1, address_line2 = :line2, postcode = :postcode, city = :city,
				       country = :country, company_id = :companyId, contact_person = :contactPerson,
				       portfolio_owner = :portfolioOwner, segment = :segment, risk_class = :riskClass
				WHERE id = :id
				""")
			.params(contact(customer))
			.param("id", id)
			.update();
	}

	/** The ids of the customers whose name contains this text, case and accents aside, up to the limit. */
	List<String> idsNamedLike(String text, int limit) {
		return jdbc.sql("SELECT external_id FROM customer WHERE search_name LIKE ? ORDER BY search_name, external_id LIMIT ?")
			.params(SearchKey.likeContaining(text), limit)
			.query(String.class)
			.list();
	}

	/** The customers named exactly so, case and accents aside. */
	List<Customer> named(String name) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM customer c WHERE c.search_name = ? ORDER BY c.external_id")
			.param(SearchKey.of(name))
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Reads the customer from a row that holds {@link #COLUMNS}. */
	static Customer map(ResultSet rs) throws SQLException {
		return new Customer(rs.getString("external_id"), rs.getString("name"),
				CustomerType.valueOf(rs.getString("type")), rs.getString("language"), rs.getString("email"),
				rs.getString("phone"), address(rs), rs.getString("company_id"), rs.getString("contact_person"),
				rs.getString("portfolio_owner"), rs.getString("segment"), rs.getString("risk_class"));
	}

	private static PostalAddress address(ResultSet rs) throws SQLException {
		PostalAddress address = new PostalAddress(rs.getString("address_line1"), rs.getString("address_line2"),
				rs.getString("postcode"), rs.getString("city"), rs.getString("country"));
		return address.equals(new PostalAddress(null, null, null, null, null)) ? null : address;
	}

	private static Map<String, Object> contact(Customer customer) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", customer.name());
		values.put("searchName", SearchKey.of(customer.name()));
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
