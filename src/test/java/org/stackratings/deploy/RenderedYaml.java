package org.stackratings.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The documents of a multi-document YAML stream, such as `helm template` prints; empty documents are left out. */
final class RenderedYaml {

    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final YAMLFactory FACTORY = MAPPER.getFactory();

    private RenderedYaml() {
    }

    static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = MAPPER.readValues(FACTORY.createParser(yaml), JsonNode.class)) {
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + yaml, e);
        }
        return documents;
    }
}
