package org.dataflowatlas.export;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** One export format: nodes first, then relationships (each row: type, properties, start and end labels and ids). */
abstract class Sink {

    void begin() throws IOException {}

    abstract void node(List<String> labels, Map<String, Object> properties) throws IOException;

    void endNodes() throws IOException {}

    abstract void relationship(
            String type,
            Map<String, Object> properties,
            String startLabel,
            String startId,
            String endLabel,
            String endId)
            throws IOException;

    void end() throws IOException {}

    /** What the format wrote, where it is not one item per node or relationship (FtM entities, PROV records). */
    long written() {
        return -1;
    }

    final void relationship(Record record) throws IOException {
        relationship(
                record.get("type").asString(),
                record.get("properties").asMap(),
                GraphExporter.idLabel(record.get("startLabels").asList(Value::asString)),
                record.get("startId").asString(),
                GraphExporter.idLabel(record.get("endLabels").asList(Value::asString)),
                record.get("endId").asString());
    }
}
