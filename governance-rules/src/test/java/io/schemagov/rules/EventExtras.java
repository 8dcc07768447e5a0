package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;

/** Adds to an {@link Events} event the dropped objects that builder cannot make, such as schemas. */
final class EventExtras {

    private EventExtras() {
    }

    /** A dropped schema as pg_event_trigger_dropped_objects reports it: no schema of its own. */
    static DroppedObject schema(String name, boolean original) {
        return DroppedObject.newBuilder().setObjectType("schema").setSchemaName(null).setObjectName(name)
                .setObjectIdentity(name).setOriginal(original).build();
    }

    /** A dropped object in a schema, such as a table, view, function or type. */
    static DroppedObject inSchema(String objectType, String schema, String name, boolean original) {
        return DroppedObject.newBuilder().setObjectType(objectType).setSchemaName(schema).setObjectName(name)
                .setObjectIdentity(schema + "." + name).setOriginal(original).build();
    }

    /** The event with these dropped objects appended. */
    static SchemaChangeEvent withDropped(SchemaChangeEvent event, DroppedObject... dropped) {
        List<DroppedObject> all = new ArrayList<>(event.getDroppedObjects());
        all.addAll(List.of(dropped));
        return SchemaChangeEvent.newBuilder(event).setDroppedObjects(all).build();
    }
}
