package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import io.dunning.invoice.SearchKey;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Fills the search name of the customers stored before V95, with the same key the application writes. */
public class V96__customer_search_name_filled extends BaseJavaMigration {

	private static final int BATCH = 1_000;

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement select = connection.createStatement();
				ResultSet customers = select.executeQuery("SELECT id, name FROM customer WHERE search_name IS NULL");
				PreparedStatement update = connection.prepareStatement("UPDATE customer SET search_name = ? WHERE id = ?")) {
			int pending = 0;
			while (customers.next()) {
				update.setString(1, SearchKey.of(customers.getString("name")));
				update.setLong(2, customers.getLong("id"));
				update.addBatch();
				if (++pending == BATCH) {
					update.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				update.executeBatch();
			}
		}
	}

}
