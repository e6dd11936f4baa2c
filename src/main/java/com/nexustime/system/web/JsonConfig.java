package com.nexustime.system.web;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's wire conventions: ids are opaque strings (our ids are longs, and no other long goes out),
 * money and hours are decimal strings with their stored scale ("1234.50").
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer apiConventions() {
		SimpleModule module = new SimpleModule("nexus-api-conventions");
		module.addSerializer(Long.class, ToStringSerializer.instance);
		module.addSerializer(Long.TYPE, ToStringSerializer.instance);
		module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
		return builder -> builder.modulesToInstall(module);
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
}
