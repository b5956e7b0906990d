package org.dataflowatlas.export;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object per line: nodes ({type: "node", labels, properties}), then relationships.
 * Jackson writes them, so a number JSON cannot hold (NaN, Infinity) becomes a string rather than
 * an invalid line.
 */
final class JsonLinesSink extends Sink {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Writer out;

    JsonLinesSink(Writer out) {
        this.out = out;
    }

    @Override
    void node(List<String> labels, Map<String, Object> properties) throws IOException {
        var line = new LinkedHashMap<String, Object>();
        line.put("type", "node");
        line.put("labels", labels.stream().sorted().toList());
        line.put("properties", new TreeMap<>(properties));
        write(line);
    }

    @Override
    void relationship(
            String type,
            Map<String, Object> properties,
            String startLabel,
            String startId,
            String endLabel,
            String endId)
            throws IOException {
        var line = new LinkedHashMap<String, Object>();
        line.put("type", "relationship");
        line.put("label", type);
        line.put("start", Map.of("label", startLabel, "id", startId));
        line.put("end", Map.of("label", endLabel, "id", endId));
        line.put("properties", new TreeMap<>(properties));
        write(line);
    }

    private void write(Map<String, Object> line) throws IOException {
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }

    /** A value as JSON text (GraphML's lists and maps). */
    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @Override
    void end() throws IOException {
        out.flush();
    }
}
