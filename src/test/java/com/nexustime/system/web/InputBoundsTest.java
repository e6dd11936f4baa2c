package com.nexustime.system.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded readers on their own, and the API's JSON reader with them (a DTO without {@code @Digits} too). */
class InputBoundsTest {

	record Unchecked(BigDecimal amount, LocalDate day) {
	}

	private final ObjectMapper json = mapper();

	private static ObjectMapper mapper() {
		Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
		new JsonConfig().apiConventions().customize(builder);
		return builder.build();
	}

	@Test
	void decimalsKeepToTheirBoundsBeforeAnyArithmetic() {
		assertThat(Inputs.decimal("1234.50")).isEqualByComparingTo("1234.50");
		assertThat(Inputs.decimal(" -0.5 ")).isEqualByComparingTo("-0.5");
		assertThat(Inputs.decimal("1.5e2")).isEqualByComparingTo("150");
		assertThat(Inputs.decimal("")).isNull();
		for (String hostile : new String[] { "1e3000000", "1e100000", "1e" + "9".repeat(1000), "9".repeat(19),
				"0." + "1".repeat(11), "1e19", "NaN", "Infinity", "0x10", "1_000", "١٢" }) {
			assertThatThrownBy(() -> Inputs.decimal(hostile)).as(hostile).isInstanceOf(NumberFormatException.class)
				.hasMessageStartingWith("must be");
		}
	}

	@Test
	void wholeNumbersHaveOneSpelling() {
		assertThat(Inputs.wholeNumber("42")).isEqualTo(42L);
		for (String other : new String[] { "0x1", "+1", "#1", "1e0", "1.0", "99999999999999999999" }) {
			assertThatThrownBy(() -> Inputs.wholeNumber(other)).as(other).isInstanceOf(NumberFormatException.class);
		}
	}

	@Test
	void daysKeepToOneRange() {
		assertThat(DateBounds.parse("1900-01-01")).isEqualTo(DateBounds.FIRST_DAY);
		assertThat(DateBounds.parse("9999-12-31")).isEqualTo(DateBounds.LAST_DAY);
		for (String far : new String[] { "1899-12-31", "+10000-01-01", "+999999999-12-27", "-999999999-01-01",
				"20000", "2026-02-30" }) {
			assertThatThrownBy(() -> DateBounds.parse(far)).as(far).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void theJsonReaderBoundsDecimalsAndDaysWhateverTheDtoSays() throws Exception {
		assertThat(json.readValue("{\"amount\":\"12.50\",\"day\":\"2026-11-23\"}", Unchecked.class))
			.isEqualTo(new Unchecked(new BigDecimal("12.50"), LocalDate.of(2026, 11, 23)));
		for (String body : new String[] { "{\"amount\":1e3000000}", "{\"amount\":\"1e3000000\"}",
				"{\"amount\":" + "1".repeat(41) + "}", "{\"day\":\"+999999999-12-27\"}", "{\"day\":20000}",
				"{\"day\":[2026,11,23]}" }) {
			assertThatThrownBy(() -> json.readValue(body, Unchecked.class)).as(body)
				.isInstanceOf(com.fasterxml.jackson.core.JacksonException.class);
		}
		assertThatThrownBy(() -> json.readValue("{\"amount\":1e3000000}", Unchecked.class))
			.isInstanceOf(JsonMappingException.class)
			.satisfies(ex -> assertThat(((JsonMappingException) ex).getPath().get(0).getFieldName()).isEqualTo("amount"));
	}
}
