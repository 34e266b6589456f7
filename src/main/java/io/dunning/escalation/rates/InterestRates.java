package io.dunning.escalation.rates;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface InterestRates extends ListCrudRepository<InterestRate, Long> {

	Optional<InterestRate> findByKindAndStartsOn(RateKind kind, LocalDate startsOn);

	List<InterestRate> findByKindOrderByStartsOnDesc(RateKind kind);

}
