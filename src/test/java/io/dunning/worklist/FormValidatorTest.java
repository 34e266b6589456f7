package io.dunning.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunning.web.BadInputException;
import io.dunning.web.InputError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Forms FORMS = new Forms(JSON);

	private static Map<String, Object> validate(String formId, String variables) {
		return FormValidator.validate(FORMS.get(formId), read(variables));
	}

	private static List<InputError> errors(String formId, String variables) {
		return catchThrowableOfType(BadInputException.class, () -> validate(formId, variables)).errors();
	}

	private static List<String> badFields(String formId, String variables) {
		return errors(formId, variables).stream().map(InputError::field).toList();
	}

	private static JsonNode read(String json) {
		try {
			return JSON.readTree(json.replace('\'', '"'));
		}
		catch (Exception e) {
			throw new IllegalArgumentException(e);
		}
	}

	@Nested
	class CourtesyCall {

		@Test
		void aPromiseToPayWithItsDateIsAccepted() {
			assertThat(validate("courtesy-call", "{'outcome':'PROMISE_TO_PAY','promisedDate':'2026-12-15','note':'ok'}"))
				.containsExactly(Map.entry("outcome", "PROMISE_TO_PAY"), Map.entry("promisedDate", "2026-12-15"),
						Map.entry("note", "ok"));
		}

		@Test
		void aPromiseToPayWithoutItsDateNamesPromisedDate() {
			assertThat(errors("courtesy-call", "{'outcome':'PROMISE_TO_PAY'}"))
				.containsExactly(InputError.field("promisedDate", "required"));
		}

		@Test
		void anotherOutcomeNeedsNoDateAndASubmittedDateIsDropped() {
			assertThat(validate("courtesy-call", "{'outcome':'NO_ANSWER','promisedDate':'not even a date'}"))
				.containsExactly(Map.entry("outcome", "NO_ANSWER"));
		}

		@Test
		void theOutcomeIsRequiredAndOneOfTheDeclaredValues() {
			assertThat(errors("courtesy-call", "{}")).containsExactly(InputError.field("outcome", "required"));
			assertThat(errors("courtesy-call", "{'outcome':'MAYBE'}")).containsExactly(InputError.field("outcome",
					"must be one of PROMISE_TO_PAY, PLAN_REQUESTED, NO_ANSWER, REFUSED, DISPUTED"));
			assertThat(badFields("courtesy-call", "{'outcome':3}")).startsWith("outcome");
		}

		@Test
		void aDisputeNeedsItsReasonAndNoOtherOutcomeKeepsOne() {
			assertThat(errors("courtesy-call", "{'outcome':'DISPUTED'}"))
				.containsExactly(InputError.field("disputeReason", "required"));
			assertThat(validate("courtesy-call", "{'outcome':'REFUSED','disputeReason':'PRICE'}"))
				.containsExactly(Map.entry("outcome", "REFUSED"));
		}

		@Test
		void aPromisedDateMustBeAnIsoDate() {
			assertThat(errors("courtesy-call", "{'outcome':'PROMISE_TO_PAY','promisedDate':'15/12/2026'}"))
				.containsExactly(InputError.field("promisedDate", "must be a date such as 2026-01-31"));
			assertThat(badFields("courtesy-call", "{'outcome':'PROMISE_TO_PAY','promisedDate':'2026-02-30'}"))
				.containsExactly("promisedDate");
		}

		@Test
		void theNoteIsOptionalTextOfLimitedLength() {
			assertThat(validate("courtesy-call", "{'outcome':'REFUSED'}")).doesNotContainKey("note");
			assertThat(errors("courtesy-call", "{'outcome':'REFUSED','note':42}"))
				.containsExactly(InputError.field("note", "must be text"));
			assertThat(errors("courtesy-call", "{'outcome':'REFUSED','note':'" + "x".repeat(2001) + "'}"))
				.containsExactly(InputError.field("note", "must have at most 2000 characters"));
		}

	}

	@Nested
	class PaymentPlan {

		@Test
		void anAgreedPlanHasItsCountAndFirstDate() {
			assertThat(validate("payment-plan", "{'agreed':true,'instalmentCount':6,'firstInstalmentDate':'2027-01-05'}"))
				.containsExactly(Map.entry("agreed", true), Map.entry("instalmentCount", 6L),
						Map.entry("firstInstalmentDate", "2027-01-05"));
		}

		@Test
		void noAgreementNeedsNothingElse() {
			assertThat(validate("payment-plan", "{'agreed':false,'note':'rappeler en janvier'}"))
				.containsExactly(Map.entry("agreed", false), Map.entry("note", "rappeler en janvier"));
		}

		@Test
		void anAgreedPlanWithoutDetailsNamesBothFields() {
			assertThat(badFields("payment-plan", "{'agreed':true}"))
				.containsExactly("instalmentCount", "firstInstalmentDate");
		}

		@Test
		void theInstalmentCountIsAWholeNumberFromTwoToTwelve() {
			String date = ",'firstInstalmentDate':'2027-01-05'}";
			assertThat(errors("payment-plan", "{'agreed':true,'instalmentCount':13" + date))
				.containsExactly(InputError.field("instalmentCount", "must be between 2 and 12"));
			assertThat(badFields("payment-plan", "{'agreed':true,'instalmentCount':1" + date))
				.containsExactly("instalmentCount");
			assertThat(errors("payment-plan", "{'agreed':true,'instalmentCount':2.5" + date))
				.containsExactly(InputError.field("instalmentCount", "must be a whole number"));
			assertThat(errors("payment-plan", "{'agreed':true,'instalmentCount':'6'" + date))
				.containsExactly(InputError.field("instalmentCount", "must be a number"));
			assertThat(validate("payment-plan", "{'agreed':true,'instalmentCount':12.0" + date))
				.containsEntry("instalmentCount", 12L);
		}

		@Test
		void aNumberBeyondADoubleIsABadFieldNotAServerError() {
			assertThat(errors("payment-plan", "{'agreed':true,'instalmentCount':1e400,'firstInstalmentDate':'2027-01-05'}"))
				.containsExactly(InputError.field("instalmentCount",
						"must be a number with at most 15 digits before the decimal point and 4 after it"));
		}

		@Test
		void agreedMustBeABooleanAndIsAlwaysAnswered() {
			// FEEL's not(null) is null, which does not hide: the plan's fields are asked for as form-js shows them.
			assertThat(errors("payment-plan", "{}")).containsExactly(InputError.field("agreed", "required"),
					InputError.field("instalmentCount", "required"), InputError.field("firstInstalmentDate", "required"));
			assertThat(errors("payment-plan", "{'agreed':'yes'}")).first()
				.isEqualTo(InputError.field("agreed", "must be true or false"));
		}

	}

	@Nested
	class Approvals {

		@Test
		void aManagerApprovesOrRefusesExplicitly() {
			for (String form : List.of("formal-notice-approval", "legal-handoff-approval")) {
				assertThat(validate(form, "{'approved':true}")).containsExactly(Map.entry("approved", true));
				assertThat(validate(form, "{'approved':false,'comment':'dossier incomplet'}"))
					.containsExactly(Map.entry("approved", false), Map.entry("comment", "dossier incomplet"));
				assertThat(errors(form, "{'comment':'?'}")).containsExactly(InputError.field("approved", "required"));
				assertThat(errors(form, "{'approved':null}")).containsExactly(InputError.field("approved", "required"));
				assertThat(badFields(form, "{'approved':'true'}")).containsExactly("approved");
			}
		}

	}

	@Test
	void everyBadFieldIsListedTogetherWithUnknownKeys() {
		assertThat(errors("payment-plan",
				"{'agreed':true,'instalmentCount':13,'firstInstalmentDate':'tomorrow','note':7,'amount':100}"))
			.containsExactly(InputError.field("amount", "is not a field of form payment-plan"),
					InputError.field("instalmentCount", "must be between 2 and 12"),
					InputError.field("firstInstalmentDate", "must be a date such as 2026-01-31"),
					InputError.field("note", "must be text"));
	}

	@Test
	void variablesMustBeAnObject() {
		assertThat(badFields("courtesy-call", "[1]")).containsExactly("variables");
		assertThatThrownBy(() -> FormValidator.validate(FORMS.get("courtesy-call"), null))
			.isInstanceOf(BadInputException.class);
	}

	@Nested
	class HideExpressions {

		private final Map<String, JsonNode> yes = Map.of("f", read("true"), "s", read("'A'"));

		private final Map<String, JsonNode> no = Map.of("f", read("false"), "s", read("'B'"));

		@Test
		void theShapesOurFormsUseEvaluateAsFeelDoes() {
			assertThat(HideCondition.parse("=s != \"A\"").hides(yes)).isFalse();
			assertThat(HideCondition.parse("=s != \"A\"").hides(no)).isTrue();
			assertThat(HideCondition.parse("=s != \"A\"").hides(Map.of())).isTrue();
			assertThat(HideCondition.parse("=s = \"A\"").hides(yes)).isTrue();
			assertThat(HideCondition.parse("=s = \"A\"").hides(Map.of())).isFalse();
			assertThat(HideCondition.parse("=not(f)").hides(no)).isTrue();
			assertThat(HideCondition.parse("=not(f)").hides(yes)).isFalse();
			assertThat(HideCondition.parse("=f").hides(yes)).isTrue();
			assertThat(HideCondition.parse("=f").hides(no)).isFalse();
		}

		@Test
		void anyFeelExpressionEvaluatesAsTheFormShowsIt() {
			Map<String, JsonNode> large = Map.of("amount", read("15000.50"), "segment", read("'KEY'"));
			Map<String, JsonNode> small = Map.of("amount", read("900"), "segment", read("'SME'"));
			assertThat(HideCondition.parse("=amount > 1000").hides(large)).isTrue();
			assertThat(HideCondition.parse("=amount > 1000").hides(small)).isFalse();
			assertThat(HideCondition.parse("=list contains([\"KEY\", \"GOV\"], segment) and amount >= 10000").hides(large))
				.isTrue();
			assertThat(HideCondition.parse("=string length(segment) < 3").hides(small)).isFalse();
			assertThat(HideCondition.parse("=date(\"2026-12-15\") > date(\"2026-01-01\")").hides(Map.of())).isTrue();
		}

		@Test
		void onlyTrueHidesAsInFormJs() {
			assertThat(HideCondition.parse("=not(f)").hides(Map.of())).as("not(null) is null in FEEL").isFalse();
			assertThat(HideCondition.parse("=s").hides(yes)).as("a string is not true").isFalse();
			assertThat(HideCondition.parse("=amount > 1000").hides(Map.of("amount", read("'many'")))).isFalse();
		}

		@Test
		void anExpressionFeelCannotParseIsRefusedWhenTheFormIsRead() {
			assertThatThrownBy(() -> HideCondition.parse("=amount >"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("is not valid FEEL");
		}

	}

	@Nested
	class Bounds {

		// The application reads JSON numbers as BigDecimal (spring.jackson USE_BIG_DECIMAL_FOR_FLOATS): 1e400 arrives
		// as a finite 1E+400, not as infinity.
		private final ObjectMapper asTheAppReads = new ObjectMapper()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

		private List<String> badFieldsAsTheAppReads(String formId, String variables) throws Exception {
			JsonNode data = asTheAppReads.readTree(variables.replace('\'', '"'));
			return catchThrowableOfType(BadInputException.class,
					() -> FormValidator.validate(FORMS.get(formId), data)).errors().stream().map(InputError::field).toList();
		}

		@Test
		void aNumberBeyondWhatAnAmountHoldsIsRefusedBeforeTheEngineHearsOfIt() throws Exception {
			for (String amount : List.of("1e400", "1e16", "1000000000000000", "0.00001")) {
				String answer = "{'resolution':'CORRECTED','newDueDate':'2027-01-10','newAmount':" + amount + "}";
				assertThat(badFieldsAsTheAppReads("dispute-resolution", answer)).as(amount).containsExactly("newAmount");
				assertThat(badFields("dispute-resolution", answer)).as(amount).containsExactly("newAmount");
			}
			assertThat(validate("dispute-resolution",
					"{'resolution':'CORRECTED','newDueDate':'2027-01-10','newAmount':999999999999999}"))
				.containsEntry("newAmount", 999999999999999L);
		}

		@Test
		void formTextFollowsTheTextRuleOfTheApi() {
			for (String text : List.of("a\\u0000b", "facture \\u202Efdp.exe", "\\u2067x\\u2069", "\\u200B\\u200B",
					"\\u00A0\\u00A0", "\\ud800x")) {
				assertThat(badFields("courtesy-call", "{'outcome':'NO_ANSWER','note':'" + text + "'}")).as(text)
					.containsExactly("note");
			}
			assertThat(validate("courtesy-call", "{'outcome':'NO_ANSWER','note':'rappeler\\nlundi\\tà 9h'}"))
				.containsEntry("note", "rappeler\nlundi\tà 9h");
		}

		@Test
		void aTextWithNoLimitInItsFormIsStillBounded() {
			FormSchema unbounded = FormSchema.read(read("{'id':'x','components':[{'key':'t','type':'textfield'}]}"));
			String longText = "x".repeat(FormValidator.MAX_TEXT + 1);
			assertThat(catchThrowableOfType(BadInputException.class,
					() -> FormValidator.validate(unbounded, read("{'t':'" + longText + "'}"))).errors())
				.containsExactly(InputError.field("t", "must have at most " + FormValidator.MAX_TEXT + " characters"));
		}

	}

	@Test
	void formsWithFieldsTheServerCannotCheckAreRefused() {
		assertThatThrownBy(() -> FormSchema.read(read("{'id':'x','components':[{'key':'t','type':'taglist'}]}")))
			.hasMessageContaining("taglist");
		assertThatThrownBy(() -> FormSchema.read(read("{'components':[]}"))).hasMessageContaining("id");
	}

	@Test
	void aFormIdCannotReachOutsideTheFormsFolder() {
		assertThatThrownBy(() -> FORMS.get("../application")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> FORMS.get("no-such-form")).isInstanceOf(IllegalStateException.class);
	}

}
