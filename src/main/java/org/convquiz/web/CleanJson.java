package org.convquiz.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/** Every String read from a JSON request body goes through {@link CleanText} (NUL, lone surrogates → U+FFFD). */
@Singleton
public class CleanJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("clean-text").addDeserializer(String.class, new Strings()));
    }

    static final class Strings extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            return CleanText.of(StringDeserializer.instance.deserialize(p, context));
        }
    }
}
