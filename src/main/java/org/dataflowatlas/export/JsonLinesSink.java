package org.dataflowatlas.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One JSON object per line: nodes ({type: "node", labels, properties}), then relationships. */
final class JsonLinesSink extends Sink {

    private final Writer out;

    JsonLinesSink(Writer out) {
        this.out = out;
    }

    @Override
    void node(List<String> labels, Map<String, Object> properties) throws IOException {
        out.write("{\"type\":\"node\",\"labels\":"
                + Literals.json(labels.stream().sorted().toList()) + ",\"properties\":"
                + Literals.json(new TreeMap<>(properties)) + "}\n");
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
        out.write("{\"type\":\"relationship\",\"label\":" + Literals.json(type) + ",\"start\":{\"label\":"
                + Literals.json(startLabel) + ",\"id\":" + Literals.json(startId) + "},\"end\":{\"label\":"
                + Literals.json(endLabel) + ",\"id\":" + Literals.json(endId) + "},\"properties\":"
                + Literals.json(new TreeMap<>(properties)) + "}\n");
    }

    @Override
    void end() throws IOException {
        out.flush();
    }
}
