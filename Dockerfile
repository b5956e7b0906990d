# Builds the executable jar and runs it on a JRE 25 (the stack needs Java 21+).
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -ntp dependency:go-offline
COPY schema schema
COPY cypher cypher
COPY src src
RUN mvn -B -ntp package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /src/target/dataflow-atlas.jar /app/dataflow-atlas.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/dataflow-atlas.jar"]
