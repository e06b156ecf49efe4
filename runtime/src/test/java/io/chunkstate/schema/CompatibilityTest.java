package io.chunkstate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.ChunkType;
import io.chunkstate.schema.WireType.Primitive;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each compatibility rule with its case, and the compatible changes that break nothing. */
class CompatibilityTest {
  private static final ChunkType NIC = ChunkType.of("EtHs");
  private static final WireType MODE = new WireType.EnumType("p.Mode", List.of("OFF", "ON"));

  private static FieldDescription field(String name, WireType wire) {
    return FieldDescription.of(name, wire, wire.descriptor());
  }

  private static final List<FieldDescription> FIELDS =
      List.of(field("rdtr", Primitive.INT), field("itr", Primitive.INT), field("mode", MODE));
  private static final List<SubChunkField> SUBS =
      List.of(
          new SubChunkField("msix", ChunkType.of("MsXs"), "p.Msix", false),
          new SubChunkField("queues", ChunkType.of("quEu"), "p.Queue", true));

  private static TypeDescription nic(List<FieldDescription> fields, List<SubChunkField> subs) {
    return new TypeDescription(NIC, "p.E1000", fields, subs, "rdtr");
  }

  private static final TypeDescription V1 = nic(FIELDS, SUBS);

  private static List<Finding> against(TypeDescription v2) {
    return Compatibility.compare(List.of(V1), List.of(v2));
  }

  private static Finding only(List<Finding> findings, String rule) {
    List<Finding> matching = findings.stream().filter(f -> f.rule().equals(rule)).toList();
    assertEquals(1, matching.size(), findings.toString());
    return matching.get(0);
  }

  private static List<FieldDescription> with(int index, FieldDescription field) {
    List<FieldDescription> fields = new ArrayList<>(FIELDS);
    fields.set(index, field);
    return fields;
  }

  @Test
  void theSameDescriptionHasNoFinding() {
    assertEquals(List.of(), against(V1));
  }

  @Test
  void twoInlineFieldsSwappedAreBreakingAndNamed() {
    List<FieldDescription> swapped = List.of(FIELDS.get(1), FIELDS.get(0), FIELDS.get(2));
    List<Finding> findings = against(nic(swapped, SUBS));
    assertTrue(Compatibility.anyBreaking(findings));
    Finding rdtr = findings.stream().filter(f -> f.field().equals("rdtr")).findFirst().orElseThrow();
    assertEquals("inline-field-moved", rdtr.rule());
    assertTrue(rdtr.message().contains("moved from position 1 to 2"), rdtr.message());
    assertTrue(rdtr.fix().contains("new sub-chunk"), rdtr.fix());
  }

  @Test
  void anInlineFieldAddedRemovedRetypedOrRedeclaredIsBreaking() {
    List<FieldDescription> added = new ArrayList<>(FIELDS);
    added.add(field("tctl", Primitive.INT));
    assertEquals("tctl", only(against(nic(added, SUBS)), "inline-field-added").field());
    assertEquals(
        "mode", only(against(nic(FIELDS.subList(0, 2), SUBS)), "inline-field-removed").field());
    Finding retyped = only(against(nic(with(1, field("itr", Primitive.LONG)), SUBS)),
        "inline-field-retyped");
    assertTrue(retyped.message().contains("was int and is now long"), retyped.message());
    Finding declared =
        only(against(nic(with(1, new FieldDescription("itr", Primitive.INT, "int", true, -1)),
            SUBS)), "inline-field-declaration");
    assertTrue(declared.message().contains("plain and is now unsigned"), declared.message());
    assertTrue(declared.isBreaking());
  }

  @Test
  void aFieldInsertedInFrontIsNamedAsAdded() {
    List<FieldDescription> inserted = new ArrayList<>(FIELDS);
    inserted.add(0, field("tctl", Primitive.INT));
    List<Finding> findings = against(nic(inserted, SUBS));
    assertEquals("tctl", only(findings, "inline-field-added").field(), findings.toString());
    assertTrue(findings.stream().allMatch(Finding::isBreaking), findings.toString());
  }

  @Test
  void aFieldRenamedInPlaceIsANote() {
    List<Finding> findings = against(nic(with(1, field("interruptThrottle", Primitive.INT)), SUBS));
    Finding renamed = only(findings, "inline-field-renamed");
    assertFalse(renamed.isBreaking());
    assertFalse(Compatibility.anyBreaking(findings), findings.toString());
  }

  @Test
  void aStructsFieldsAreComparedByPath() {
    WireType v1 = new WireType.Struct("p.Pt", List.of(field("x", Primitive.INT), field("y", Primitive.INT)));
    WireType v2 = new WireType.Struct("p.Pt", List.of(field("x", Primitive.INT), field("y", Primitive.LONG)));
    TypeDescription a = new TypeDescription(NIC, "p.E1000", List.of(field("at", v1)), List.of());
    TypeDescription b = new TypeDescription(NIC, "p.E1000", List.of(field("at", v2)), List.of());
    Finding f = only(Compatibility.compare(a, b), "inline-field-retyped");
    assertEquals("at.y", f.field());
  }

  @Test
  void aTypeTheReceiverDoesNotKnowIsBreakingIfCriticalAndANoteIfAncillary() {
    TypeDescription stats = new TypeDescription(ChunkType.of("stAt"), "p.Stats", List.of(), List.of());
    List<Finding> findings = Compatibility.compare(List.of(V1, stats), List.of());
    assertTrue(only(findings.stream().filter(f -> f.type().equals(NIC)).toList(), "type-unknown")
        .isBreaking());
    Finding skipped = only(findings.stream().filter(f -> f.type().code().equals("stAt")).toList(),
        "type-unknown");
    assertFalse(skipped.isBreaking());
    assertTrue(skipped.message().contains("will be skipped"), skipped.message());
  }

  @Test
  void aClassMovedToAnotherCodeSaysSo() {
    TypeDescription moved = new TypeDescription(ChunkType.of("EtHz"), "p.E1000", FIELDS, SUBS, "rdtr");
    Finding f = only(Compatibility.compare(List.of(V1), List.of(moved)), "type-moved");
    assertTrue(f.isBreaking());
    assertTrue(f.message().contains("moved from EtHs to EtHz"), f.message());
    TypeDescription other = new TypeDescription(NIC, "p.Rtl8139", FIELDS, SUBS, "rdtr");
    assertFalse(only(against(other), "type-class").isBreaking());
  }

  @Test
  void anEnumConstantRemovedOrRenamedIsBreakingAndANewOneIsNot() {
    WireType renamed = new WireType.EnumType("p.Mode", List.of("OFF", "RUNNING"));
    Finding f = only(against(nic(with(2, field("mode", renamed)), SUBS)), "enum-constant-removed");
    assertTrue(f.message().contains("p.Mode.ON is gone"), f.message());
    WireType more = new WireType.EnumType("p.Mode", List.of("OFF", "ON", "STANDBY"));
    assertFalse(Compatibility.anyBreaking(against(nic(with(2, field("mode", more)), SUBS))));
  }

  private static WireType speed(List<String> constants, List<Integer> values) {
    return new WireType.EnumValueType("p.Speed", constants, values);
  }

  private static List<Finding> speedChange(WireType from, WireType to) {
    return Compatibility.compare(
        List.of(nic(with(2, field("mode", from)), SUBS)),
        List.of(nic(with(2, field("mode", to)), SUBS)));
  }

  @Test
  void anEnumByValueMayRenameAConstantThatKeepsItsValue() {
    WireType v1 = speed(List.of("TEN", "GBIT"), List.of(1, 3));
    List<Finding> renamed = speedChange(v1, speed(List.of("TEN", "GIGABIT"), List.of(1, 3)));
    Finding note = only(renamed, "enum-value-renamed");
    assertFalse(note.isBreaking());
    assertEquals(
        "p.Speed.GBIT is now GIGABIT, same value 3: a stream's 3 reads as GIGABIT",
        note.message());
    assertFalse(Compatibility.anyBreaking(renamed));
    List<Finding> added = speedChange(v1, speed(List.of("TEN", "GBIT", "TGBIT"), List.of(1, 3, 4)));
    assertEquals(List.of(), added);
  }

  @Test
  void anEnumByValueThatLosesOrChangesAValueIsBreaking() {
    WireType v1 = speed(List.of("TEN", "GBIT"), List.of(1, 3));
    Finding removed =
        only(speedChange(v1, speed(List.of("TEN"), List.of(1))), "enum-value-removed");
    assertTrue(removed.isBreaking());
    assertEquals(
        "p.Speed.GBIT (value 3) is gone from p.Speed: a stream that holds it is refused",
        removed.message());
    Finding changed =
        only(speedChange(v1, speed(List.of("TEN", "GBIT"), List.of(1, 4))), "enum-value-changed");
    assertTrue(changed.isBreaking());
    assertEquals(
        "p.Speed.GBIT was value 3 and is now 4: a stream's 3 is refused", changed.message());
  }

  @Test
  void switchingAnEnumBetweenNameAndValueIsARetype() {
    WireType byValue = speed(List.of("OFF", "ON"), List.of(0, 1));
    Finding toValue = only(speedChange(MODE, byValue), "inline-field-retyped");
    assertTrue(toValue.isBreaking());
    assertEquals(
        "inline field 'mode' was enum<p.Mode> and is now enumvalue<p.Speed>", toValue.message());
    assertTrue(only(speedChange(byValue, MODE), "inline-field-retyped").isBreaking());
  }

  @Test
  void anEnumDescribedWithoutItsConstantsIsNotJudged() {
    WireType unknown = new WireType.EnumType("p.Mode", List.of());
    assertEquals(List.of(), against(nic(with(2, field("mode", unknown)), SUBS)));
  }

  @Test
  void aSubChunkFieldsCodeOrShapeChangedIsBreaking() {
    List<SubChunkField> recoded = List.of(
        new SubChunkField("msix", ChunkType.of("MsXz"), "p.Msix", false), SUBS.get(1));
    assertTrue(only(against(nic(FIELDS, recoded)), "sub-chunk-code").isBreaking());
    List<SubChunkField> single = List.of(
        SUBS.get(0), new SubChunkField("queues", ChunkType.of("quEu"), "p.Queue", false));
    assertTrue(only(against(nic(FIELDS, single)), "sub-chunk-list").isBreaking());
  }

  @Test
  void aSubChunkTheReceiverLacksIsBreakingIfCritical() {
    assertTrue(only(against(nic(FIELDS, List.of(SUBS.get(1)))), "sub-chunk-unknown").isBreaking());
    Finding ancillary = only(against(nic(FIELDS, List.of(SUBS.get(0)))), "sub-chunk-unknown");
    assertFalse(ancillary.isBreaking());
  }

  @Test
  void theKeyRemovedOrChangedIsBreaking() {
    TypeDescription noKey = new TypeDescription(NIC, "p.E1000", FIELDS, SUBS, null);
    assertTrue(only(against(noKey), "key").isBreaking());
    TypeDescription otherKey = new TypeDescription(NIC, "p.E1000", FIELDS, SUBS, "itr");
    assertTrue(only(against(otherKey), "key").message().contains("'rdtr' and is now 'itr'"));
  }

  @Test
  void compatibleChangesRaiseNoBreakingFinding() {
    List<SubChunkField> more = new ArrayList<>(SUBS);
    more.add(new SubChunkField("stats", ChunkType.of("stAt"), "p.Stats", false)); // ancillary
    more.add(new SubChunkField("tso", ChunkType.of("TsOf"), "p.Tso", false)); // critical, new
    TypeDescription v2 = nic(FIELDS, more);
    TypeDescription newType = new TypeDescription(ChunkType.of("VrTo"), "p.Virtio", List.of(), List.of());
    List<Finding> findings = Compatibility.compare(List.of(V1), List.of(v2, newType));
    assertFalse(Compatibility.anyBreaking(findings), findings.toString());
    assertEquals(List.of(), findings);
  }

  private static final WireType.Struct FIFO =
      new WireType.Struct(
          "p.Fifo", List.of(field("head", Primitive.INT), field("count", Primitive.INT)));

  private static TypeDescription uart(SubChunkField... subs) {
    return new TypeDescription(ChunkType.of("UaRt"), "p.Uart", List.of(), List.of(subs));
  }

  @Test
  void aDeclaredSubChunksStructIsComparedAsAnInlineLayout() {
    TypeDescription v1 = uart(SubChunkField.declared("rx", ChunkType.of("rxFf"), FIFO));
    WireType.Struct wider =
        new WireType.Struct(
            "p.Fifo", List.of(field("head", Primitive.LONG), field("count", Primitive.INT)));
    List<Finding> retyped =
        Compatibility.compare(
            List.of(v1), List.of(uart(SubChunkField.declared("rx", ChunkType.of("rxFf"), wider))));
    assertEquals("rx.head", only(retyped, "inline-field-retyped").field());
    assertTrue(Compatibility.anyBreaking(retyped));

    List<Finding> recoded =
        Compatibility.compare(
            List.of(v1), List.of(uart(SubChunkField.declared("rx", ChunkType.of("rxFF"), FIFO))));
    assertEquals("rx", only(recoded, "sub-chunk-code").field());
    assertTrue(Compatibility.anyBreaking(recoded));
  }

  @Test
  void aClassSubChunkThatBecameADeclaredStructIsBreaking() {
    TypeDescription v1 = uart(new SubChunkField("rx", ChunkType.of("rxFf"), "p.Fifo", false));
    List<Finding> findings =
        Compatibility.compare(
            List.of(v1), List.of(uart(SubChunkField.declared("rx", ChunkType.of("rxFf"), FIFO))));
    Finding finding = only(findings, "sub-chunk-declared");
    assertTrue(finding.isBreaking());
    assertEquals(
        "sub-chunk field 'rx' was a sub-chunk of @Chunk class p.Fifo and is now a struct p.Fifo"
            + " under a code it declares: its data is read by another description",
        finding.message());
  }

  @Test
  void aNewDeclaredSubChunkBreaksNothing() {
    TypeDescription v1 = uart(SubChunkField.declared("rx", ChunkType.of("rxFf"), FIFO));
    TypeDescription v2 =
        uart(
            SubChunkField.declared("rx", ChunkType.of("rxFf"), FIFO),
            SubChunkField.declared("tx", ChunkType.of("txFf"), FIFO));
    assertEquals(List.of(), Compatibility.compare(List.of(v1), List.of(v2)));
  }
}
