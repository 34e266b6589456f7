package io.dunning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.CustomConversions;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcSimpleTypes;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.relational.core.dialect.Dialect;

/**
 * A {@code LocalDate} of an aggregate keeps its day in a DATE column whatever the JVM's zone. Spring Data JDBC writes a
 * date as a timestamp, by default the one of its midnight in the JVM's zone, which the driver then moves to the
 * connection's zone, UTC (application.yml): in Paris, 1 July became 30 June 22:00 and was stored as 30 June, and in New
 * York a lookup of 1 July compared the day with 04:00 and found nothing. Written as the timestamp of its midnight in
 * UTC, a date is the day itself on the connection. The conversions Spring Boot would build are kept; these come first.
 */
@Configuration(proxyBeanMethods = false)
class DateColumns {

	@Bean
	JdbcCustomConversions jdbcCustomConversions(Dialect dialect) {
		List<Object> storeConverters = new ArrayList<>(dialect.getConverters());
		storeConverters.addAll(JdbcCustomConversions.storeConverters());
		SimpleTypeHolder simpleTypes = dialect.simpleTypes().isEmpty() ? JdbcSimpleTypes.HOLDER
				: new SimpleTypeHolder(dialect.simpleTypes(), JdbcSimpleTypes.HOLDER);
		return new JdbcCustomConversions(CustomConversions.StoreConversions.of(simpleTypes, storeConverters),
				List.of(LocalDateToTimestamp.INSTANCE, DateToLocalDate.INSTANCE));
	}

	@WritingConverter
	enum LocalDateToTimestamp implements Converter<LocalDate, Timestamp> {

		INSTANCE;

		@Override
		public Timestamp convert(LocalDate date) {
			return Timestamp.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
		}

	}

	/** The drivers read a DATE as the midnight of its day in the JVM's zone, which this gives back as that day. */
	@ReadingConverter
	enum DateToLocalDate implements Converter<Date, LocalDate> {

		INSTANCE;

		@Override
		public LocalDate convert(Date date) {
			return date.toLocalDate();
		}

	}

}
