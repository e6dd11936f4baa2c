package com.nexustime.system.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's wire conventions: ids are opaque strings (our ids are longs, and no other long goes out),
 * money and hours are decimal strings with their stored scale ("1234.50"). Read the other way, every number
 * token is at most {@link #MAX_NUMBER_LENGTH} characters, every decimal keeps to {@link Inputs#decimal} and
 * every day to {@link DateBounds}, all before the value reaches a DTO.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

	/** Jackson refuses longer number tokens while reading (its own default is 1000 characters). */
	static final int MAX_NUMBER_LENGTH = Inputs.DECIMAL_MAX_LENGTH;

	@Bean
	Jackson2ObjectMapperBuilderCustomizer apiConventions() {
		SimpleModule module = new SimpleModule("nexus-api-conventions");
		module.addSerializer(Long.class, ToStringSerializer.instance);
		module.addSerializer(Long.TYPE, ToStringSerializer.instance);
		module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
		module.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
		module.addDeserializer(LocalDate.class, new BoundedDayDeserializer());
		return builder -> builder.modulesToInstall(module)
			.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
					StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH)
						// no text value of the API comes near a mebibyte (Jackson's default allows 20 million characters)
						.maxStringLength((int) ApiBodyLimit.MAX_BYTES).build()));
	}

	static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {

		PlainDecimalSerializer() {
			super(BigDecimal.class);
		}

		@Override
		public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
			gen.writeString(value.toPlainString());
		}
	}

	/** A decimal as a JSON number or string, read from its text by {@link Inputs#decimal}. */
	static final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

		BoundedDecimalDeserializer() {
			super(BigDecimal.class);
		}

		@Override
		public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
			JsonToken token = p.currentToken();
			if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT
					&& token != JsonToken.VALUE_STRING) {
				return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
			}
			String text = p.getText();
			try {
				return Inputs.decimal(text);
			}
			catch (NumberFormatException ex) {
				throw InvalidFormatException.from(p, ex.getMessage(), abbreviated(text), BigDecimal.class);
			}
		}
	}

	/** A day as Jackson reads it, then kept to {@link DateBounds}. */
	static final class BoundedDayDeserializer extends StdScalarDeserializer<LocalDate> {

		BoundedDayDeserializer() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
			if (p.currentToken() != JsonToken.VALUE_STRING) {
				// a number is not a day: Jackson would read it as a count of days since 1970
				return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
			}
			String text = p.getText();
			if (text.isBlank()) {
				return null; // as Jackson's own reader has it
			}
			try {
				return DateBounds.parse(text);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidFormatException.from(p, ex.getMessage(), abbreviated(text), LocalDate.class);
			}
		}
	}

	private static String abbreviated(String text) {
		return text.length() <= 50 ? text : text.substring(0, 50) + "...";
	}
}
