package org.dataflowatlas.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML for Gephi and yEd. Node ids are {@code Label:id}; every property becomes a string key
 * (lists as JSON). GraphML declares its keys before the graph, so the graph is written to a buffer
 * first and the keys collected on the way.
 */
final class GraphMlSink extends Sink {

    private final Writer out;
    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter graph;
    private final TreeSet<String> nodeKeys = new TreeSet<>();
    private final TreeSet<String> edgeKeys = new TreeSet<>();
    private long edges;

    GraphMlSink(Writer out) {
        this.out = out;
        try {
            this.graph = XMLOutputFactory.newInstance().createXMLStreamWriter(buffer);
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    void node(List<String> labels, Map<String, Object> properties) throws IOException {
        write(() -> {
            graph.writeStartElement("node");
            graph.writeAttribute("id", GraphExporter.idLabel(labels) + ":" + properties.get("id"));
            data("labels", ":" + String.join(":", labels.stream().sorted().toList()), nodeKeys);
            for (var entry : new TreeMap<>(properties).entrySet()) {
                data(entry.getKey(), text(entry.getValue()), nodeKeys);
            }
            graph.writeEndElement();
        });
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
        write(() -> {
            graph.writeStartElement("edge");
            graph.writeAttribute("id", "e" + edges++);
            graph.writeAttribute("source", startLabel + ":" + startId);
            graph.writeAttribute("target", endLabel + ":" + endId);
            data("type", type, edgeKeys);
            for (var entry : new TreeMap<>(properties).entrySet()) {
                data(entry.getKey(), text(entry.getValue()), edgeKeys);
            }
            graph.writeEndElement();
        });
    }

    @Override
    void end() throws IOException {
        write(graph::flush);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
        for (var key : nodeKeys) {
            out.write("  <key id=\"n_" + escape(key) + "\" for=\"node\" attr.name=\"" + escape(key)
                    + "\" attr.type=\"string\"/>\n");
        }
        for (var key : edgeKeys) {
            out.write("  <key id=\"e_" + escape(key) + "\" for=\"edge\" attr.name=\"" + escape(key)
                    + "\" attr.type=\"string\"/>\n");
        }
        out.write("  <graph id=\"dataflow-atlas\" edgedefault=\"directed\">\n");
        out.write(buffer.toString());
        out.write("\n  </graph>\n</graphml>\n");
        out.flush();
    }

    private void data(String key, String value, TreeSet<String> keys) throws XMLStreamException {
        keys.add(key);
        graph.writeStartElement("data");
        graph.writeAttribute("key", (keys == nodeKeys ? "n_" : "e_") + key);
        graph.writeCharacters(value);
        graph.writeEndElement();
    }

    private static String text(Object value) {
        return value instanceof String text ? text : JsonLinesSink.json(value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private interface XmlWork {
        void run() throws XMLStreamException;
    }

    private static void write(XmlWork work) throws IOException {
        try {
            work.run();
        } catch (XMLStreamException ex) {
            throw new IOException(ex);
        }
    }
}
