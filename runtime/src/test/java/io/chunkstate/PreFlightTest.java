package io.chunkstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chunkstate.schema.FieldDescription;
import io.chunkstate.schema.Finding;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.schema.WireType;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight check: a version-2 source whose new critical sub-chunk is absent is accepted by
 * a version-1 receiver; with the sub-chunk in use it is refused, before anything moves.
 */
class PreFlightTest {
  private static final ChunkType NIC = ChunkType.of("NiCs");
  private static final ChunkType TSO = ChunkType.of("TsOf");

  /** A codec that only describes: the pre-flight check compares descriptions alone. */
  private static ChunkCodec<Object> described(TypeDescription description) {
    return described(description, Object.class);
  }

  /** The same, for a registry of several: each codec needs a state class of its own. */
  @SuppressWarnings("unchecked") // the codec never makes a state of that class
  private static ChunkCodec<Object> described(TypeDescription description, Class<?> stateClass) {
    return new ChunkCodec<>() {
      @Override
      public ChunkType type() {
        return description.type();
      }

      @Override
      public Class<Object> stateClass() {
        return (Class<Object>) stateClass;
      }

      @Override
      public Optional<TypeDescription> description() {
        return Optional.of(description);
      }

      @Override
      public void encode(Object state, WireWriter out) {}

      @Override
      public Object decode(WireReader in) {
        return new Object();
      }
    };
  }

  private static final List<FieldDescription> FIELDS =
      List.of(FieldDescription.of("rdtr", WireType.Primitive.INT, "int"));
  private static final SubChunkField MSIX =
      new SubChunkField("msix", ChunkType.of("MsXs"), "p.Msix", false);

  private static final TypeDescription V1 =
      new TypeDescription(NIC, "p.E1000", FIELDS, List.of(MSIX));
  private static final TypeDescription V2 =
      new TypeDescription(
          NIC, "p.E1000", FIELDS, List.of(MSIX, new SubChunkField("tso", TSO, "p.Tso", false)));

  private static final ChunkRegistry RECEIVER_V1 = ChunkRegistry.of(described(V1));
  private static final ChunkRegistry SENDER_V2 = ChunkRegistry.of(described(V2));

  @Test
  void aNewCriticalSubChunkThatIsNotInUseIsAccepted() {
    PreFlight.Answer answer =
        PreFlight.answer(PreFlight.Offer.of("vmm 2", SENDER_V2, Set.of()), RECEIVER_V1);
    assertTrue(answer.accepted(), answer.toString());
    assertEquals(1, answer.findings().size());
    assertTrue(answer.findings().get(0).message().contains("this stream does not carry it"));
  }

  @Test
  void aNewCriticalSubChunkInUseIsRefusedWithTheFinding() {
    PreFlight.Answer answer =
        PreFlight.answer(PreFlight.Offer.of("vmm 2", SENDER_V2, Set.of(TSO)), RECEIVER_V1);
    assertFalse(answer.accepted());
    Finding finding = answer.findings().get(0);
    assertEquals("sub-chunk-unknown", finding.rule());
    assertEquals("tso", finding.field());
    assertTrue(finding.message().contains("TsOf"), finding.message());
  }

  private static final TypeDescription TSO_TYPE =
      new TypeDescription(TSO, "p.Tso", FIELDS, List.of());
  private static final ChunkRegistry SENDER_V2_WITH_TYPE =
      ChunkRegistry.of(described(V2, Object.class), described(TSO_TYPE, String.class));

  @Test
  void aNewCriticalTypeThatTravelsOnlyAsAnUnusedSubChunkIsAccepted() {
    PreFlight.Answer answer =
        PreFlight.answer(PreFlight.Offer.of("vmm 2", SENDER_V2_WITH_TYPE, Set.of()), RECEIVER_V1);
    assertTrue(answer.accepted(), answer.toString());
    assertEquals(
        List.of("sub-chunk-unknown", "type-unknown"),
        answer.findings().stream().map(Finding::rule).sorted().toList());
    assertTrue(
        answer.findings().stream().allMatch(f -> f.message().contains("does not carry it")),
        answer.toString());
  }

  @Test
  void aNewCriticalTypeInUseIsRefusedAsAnUnknownType() {
    PreFlight.Answer answer =
        PreFlight.answer(
            PreFlight.Offer.of("vmm 2", SENDER_V2_WITH_TYPE, Set.of(TSO)), RECEIVER_V1);
    assertFalse(answer.accepted());
    assertTrue(
        answer.findings().stream()
            .anyMatch(f -> f.isBreaking() && f.rule().equals("type-unknown") && f.type().equals(TSO)),
        answer.toString());
  }

  @Test
  void aNewCriticalTopLevelTypeIsRefusedWhetherOrNotInUse() {
    ChunkRegistry sender =
        ChunkRegistry.of(described(V1, Object.class), described(TSO_TYPE, String.class));
    PreFlight.Answer answer =
        PreFlight.answer(PreFlight.Offer.of("vmm 2", sender, Set.of()), RECEIVER_V1);
    assertFalse(answer.accepted(), "a top-level chunk the offer cannot rule out is judged");
    assertEquals("type-unknown", answer.findings().get(0).rule());
  }

  @Test
  void offerAndAnswerTravelAsChunks() throws IOException {
    PreFlight.Offer offer = PreFlight.Offer.of("vmm 2", SENDER_V2, Set.of(TSO));
    PreFlight.Answer answer = PreFlight.answer(offer, RECEIVER_V1);
    ChunkRegistry session = ChunkRegistry.of(PreFlight.OFFER_CODEC, PreFlight.ANSWER_CODEC);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StateWriter writer = StateWriter.open(out, "session", session)) {
      writer.write(offer);
      writer.write(answer);
      writer.finish();
    }
    Snapshot read = StateReader.read(out.toByteArray(), session);
    assertEquals(offer, read.get(PreFlight.Offer.class));
    assertEquals(answer, read.get(PreFlight.Answer.class));
    assertTrue(PreFlight.OFFER.isPublic() && PreFlight.OFFER.isCritical());
  }
}
