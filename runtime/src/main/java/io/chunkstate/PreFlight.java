package io.chunkstate;

import io.chunkstate.internal.Access;
import io.chunkstate.schema.Compatibility;
import io.chunkstate.schema.DescChunk;
import io.chunkstate.schema.Finding;
import io.chunkstate.schema.SubChunkField;
import io.chunkstate.schema.TypeDescription;
import io.chunkstate.wire.WireReader;
import io.chunkstate.wire.WireWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check before any state moves: a sender says what it will send this time, a receiver
 * answers whether it can read it, by the compatibility rules of the schema package. A migration
 * source sends its {@link Offer} before it pauses anything; a refusal ends the migration with the
 * source still running, and its operator sees the findings.
 *
 * <pre>{@code
 * PreFlight.Offer offer = PreFlight.Offer.of("vmm 2.0", registry, Set.of(ChunkType.of("TsOf")));
 * PreFlight.Answer answer = PreFlight.answer(offer, destinationRegistry);   // on the destination
 * if (!answer.accepted()) { … answer.findings() … }
 * }</pre>
 *
 * <p>What is optional counts per stream: a critical sub-chunk that the receiver does not know
 * breaks only a stream that carries it, and a sender sends one only while its feature is in use.
 * So the offer names the critical sub-chunk codes in use this time, and a receiver that lacks one
 * that is not in use — the parent's field, or the sub-chunk's type altogether — accepts, with a
 * note. A critical type that the offer does not name as a sub-chunk of another is judged as a
 * top-level chunk, which the stream may carry.
 *
 * <p>Both values travel as chunks of the format's own public types: {@code OFFR} and {@code ANSW}
 * ({@link #OFFER_CODEC}, {@link #ANSWER_CODEC}).
 */
public final class PreFlight {
  /** The chunk type of an offer: critical, public. */
  public static final ChunkType OFFER = ChunkType.of("OFFR");

  /** The chunk type of an answer: critical, public. */
  public static final ChunkType ANSWER = ChunkType.of("ANSW");

  private static final Access.Opener<WireReader> READERS = Access.opener(WireReader.class);
  private static final Access.Descriptions<List<TypeDescription>> DESCRIPTIONS =
      Access.descriptions(DescChunk.class);

  private PreFlight() {}

  /**
   * What a sender will send: its producer, the descriptions of the chunk types the stream may
   * carry, and the critical sub-chunk codes it carries this time.
   */
  public record Offer(String producer, List<TypeDescription> types, Set<ChunkType> inUse) {
    public Offer {
      Objects.requireNonNull(producer, "producer");
      types = List.copyOf(types);
      inUse = Set.copyOf(inUse);
    }

    /** An offer of every described type of {@code registry}, with these sub-chunks in use. */
    public static Offer of(String producer, ChunkRegistry registry, Set<ChunkType> inUse) {
      return new Offer(producer, registry.descriptions(), inUse);
    }
  }

  /**
   * A receiver's answer: the findings of the compatibility rules, and whether it accepts — none
   * of them breaking.
   */
  public record Answer(List<Finding> findings) {
    public Answer {
      findings = List.copyOf(findings);
    }

    /** Whether the receiver can read the offered stream: no finding breaks it. */
    public boolean accepted() {
      return !Compatibility.anyBreaking(findings);
    }
  }

  /** The answer of a receiver with the codecs of {@code receiver} to {@code offer}. */
  public static Answer answer(Offer offer, ChunkRegistry receiver) {
    return answer(offer, receiver, new Usage(offer));
  }

  /** The answer to {@code offer}, whose use of sub-chunks {@code usage} indexes. */
  static Answer answer(Offer offer, ChunkRegistry receiver, Usage usage) {
    List<Finding> findings = new ArrayList<>();
    for (Finding finding : Compatibility.compare(offer.types(), receiver.descriptions())) {
      if (finding.isBreaking()
          && (finding.rule().equals("sub-chunk-unknown")
                  && !usage.fieldInUse(finding.type(), finding.field())
              || finding.rule().equals("type-unknown")
                  && usage.onlyAnUnusedSubChunk(finding.type()))) {
        findings.add(
            new Finding(
                Finding.Severity.NOTE,
                finding.rule(),
                finding.type(),
                finding.field(),
                finding.message() + ", but this stream does not carry it",
                ""));
      } else {
        findings.add(finding);
      }
    }
    return new Answer(findings);
  }

  /**
   * What an offer carries as sub-chunks, indexed in one pass over its sub-chunk fields, so that
   * each question an answer asks of it, once per finding, is a lookup: an answer takes time
   * linear in the offer, however a peer shapes it. It counts its steps, for a test to hold to
   * that.
   */
  static final class Usage {
    /** A sub-chunk field: its name, in the type that declares it. */
    private record Field(ChunkType type, String name) {}

    private final Set<ChunkType> inUse;
    private final Set<ChunkType> subChunkTypes = new HashSet<>();
    private final Set<Field> fieldsInUse = new HashSet<>();
    private long steps;

    Usage(Offer offer) {
      inUse = offer.inUse();
      for (TypeDescription type : offer.types()) {
        for (SubChunkField sub : type.subChunks()) {
          steps++;
          subChunkTypes.add(sub.type());
          if (inUse.contains(sub.type())) {
            fieldsInUse.add(new Field(type.type(), sub.name()));
          }
        }
      }
    }

    /** Whether a sub-chunk field {@code name} of an offered type {@code type} is in use. */
    boolean fieldInUse(ChunkType type, String name) {
      steps++;
      return fieldsInUse.contains(new Field(type, name));
    }

    /**
     * Whether {@code type} travels only as a sub-chunk of the offered types and is not in use: a
     * critical type that a sender writes only under a parent, while a feature is on, breaks only
     * a stream that carries it.
     */
    boolean onlyAnUnusedSubChunk(ChunkType type) {
      steps++;
      return !inUse.contains(type) && subChunkTypes.contains(type);
    }

    /** The sub-chunk fields indexed and the questions answered so far. */
    long steps() {
      return steps;
    }
  }

  /** The codec of {@code OFFR}: the producer, a {@code dESc} body, the codes in use. */
  public static final ChunkCodec<Offer> OFFER_CODEC =
      new ChunkCodec<>() {
        @Override
        public ChunkType type() {
          return OFFER;
        }

        @Override
        public Class<Offer> stateClass() {
          return Offer.class;
        }

        @Override
        public void encode(Offer offer, WireWriter out) {
          out.writeString(offer.producer());
          out.writeBytes(DescChunk.encode(offer.types()));
          Set<ChunkType> codes = new TreeSet<>(offer.inUse());
          out.writeCount(codes.size());
          for (ChunkType code : codes) {
            out.writeInt(code.value());
          }
        }

        @Override
        public Offer decode(WireReader in) throws ChunkStreamException {
          String producer = in.readString();
          byte[] description = in.readBytes();
          if (producer == null || description == null) {
            throw in.dataError("an offer names its producer and describes its types");
          }
          // Within the read: its budget, and errors at this chunk (SPEC §5), not at a dESc.
          List<TypeDescription> types =
              DESCRIPTIONS.decode(
                  description, 0, description.length, in.chunkOffset(), in.path(),
                  READERS.scope(in).budget());
          int count = in.readCount(4);
          Set<ChunkType> inUse = new TreeSet<>();
          for (int i = 0; i < count; i++) {
            int code = in.readInt();
            if (!ChunkType.isValid(code)) {
              throw in.dataError("a code in use is not four letters: " + ChunkType.render(code));
            }
            inUse.add(ChunkType.of(code));
          }
          skipSubChunks(in);
          return new Offer(producer, types, inUse);
        }

        @Override
        public String toString() {
          return "PreFlight.OFFER_CODEC[OFFR]";
        }
      };

  /** The codec of {@code ANSW}: the findings, one after another. */
  public static final ChunkCodec<Answer> ANSWER_CODEC =
      new ChunkCodec<>() {
        @Override
        public ChunkType type() {
          return ANSWER;
        }

        @Override
        public Class<Answer> stateClass() {
          return Answer.class;
        }

        @Override
        public void encode(Answer answer, WireWriter out) {
          out.writeCount(answer.findings().size());
          for (Finding finding : answer.findings()) {
            out.writeBoolean(finding.isBreaking());
            out.writeString(finding.rule());
            out.writeInt(finding.type().value());
            out.writeString(finding.field());
            out.writeString(finding.message());
            out.writeString(finding.fix());
          }
        }

        @Override
        public Answer decode(WireReader in) throws ChunkStreamException {
          int count = in.readCount(1 + 4 + 4 + 4 + 4 + 4);
          List<Finding> findings = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            boolean breaking = in.readBoolean();
            String rule = in.readString();
            int code = in.readInt();
            String field = in.readString();
            String message = in.readString();
            String fix = in.readString();
            if (rule == null || field == null || message == null || fix == null
                || !ChunkType.isValid(code)) {
              throw in.dataError("finding " + i + " of the answer is incomplete");
            }
            findings.add(
                new Finding(
                    breaking ? Finding.Severity.BREAKING : Finding.Severity.NOTE,
                    rule, ChunkType.of(code), field, message, fix));
          }
          skipSubChunks(in);
          return new Answer(findings);
        }

        @Override
        public String toString() {
          return "PreFlight.ANSWER_CODEC[ANSW]";
        }
      };

  /**
   * The sub-chunks after a pre-flight chunk's fields, none of which this version knows: an
   * ancillary one is skipped and reported, a critical one refused (SPEC §2, at every level), as
   * a generated codec does with the sub-chunks it does not know.
   */
  private static void skipSubChunks(WireReader in) throws ChunkStreamException {
    while (in.hasRemaining()) {
      in.skipUnknown(in.nextSubChunk());
    }
  }

  /** The codecs of the pre-flight chunks, for the registry of a session. */
  public static Collection<ChunkCodec<?>> codecs() {
    return List.of(OFFER_CODEC, ANSWER_CODEC);
  }
}
