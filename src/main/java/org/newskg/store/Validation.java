package org.newskg.store;

import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newskg.rdf.ReferenceData;

/**
 * Validates the store's union graph (articles, reference data and ontology together, so
 * {@code sh:class} sees the subclass axioms) against the SHACL shapes shipped in {@code ontology/}.
 *
 * <pre>{@code
 * ValidationReport r = Validation.validate(store.dataset());
 * }</pre>
 */
public final class Validation {
    private Validation() {}

    /** The SHACL report for the whole store. */
    public static ValidationReport validate(DatasetGraph dsg) {
        Shapes shapes = Shapes.parse(ReferenceData.shapes());
        return Txn.calculateRead(dsg, () -> ShaclValidator.get().validate(shapes, dsg.getUnionGraph()));
    }
}
