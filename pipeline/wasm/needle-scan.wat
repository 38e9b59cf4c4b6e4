;; Where any of a set of needles (short words) occurs in a UTF-16 text, each occurrence of each
;; needle, in text order: the shared needle index of the pipeline's stages (cyrillic.ts). A filter
;; reads thirty-two positions at a time (the Teddy method of Hyperscan): each needle is in one of
;; sixteen buckets (two banks of eight), and the low byte of each of a position's first three
;; characters is looked up by its two halves (nibbles) in a table of the buckets whose needles may
;; have it there (the third character by its low half only: the high half of a Cyrillic letter's
;; low byte tells little). A position every lookup lets through for some bucket is looked up by
;; its first two characters in a table of the needles that start with them (the buckets only
;; filter: comparing a position with every needle of its buckets cost four entries per position).
;;
;; Memory (bytes), filled by the caller (needle-scan.ts) but for the hits:
;;   0x00000  bank 0: for k = 0, 1, 2 the buckets by low nibble of the k-th character (16 bytes
;;            each), then (0x30) by high nibble; 0x00060 bank 1 the same;
;;   0x000c0  sixteen bytes 0x0f; 0x00110 where the scan stopped (i32: the text's length when done);
;;   0x01000  the needles of two characters or more by their first two (an open-addressed table
;;            of 256 slots of 8 bytes: the two code units as one i32, 0 for an empty slot; the
;;            index of the first of their entries (u16) and how many (u16));
;;   0x01800  the needles of one character: their number (i32), then (code unit, id) u16 pairs;
;;   0x01c00  the needles' entries, 64 bytes each, those of one slot together: length (u16),
;;            id (u16), up to 30 UTF-16 code units;
;;   0x09000  hits found (i32 pairs: offset, needle id), up to 16,384;
;;   0x29000  the text (UTF-16), followed by at least 40 zero code units.
;;
;; The text being in memory, `sentence_start` also reads it: where the sentence containing a
;; position starts, for the stages that look back to it (cyrillic.ts, sentenceStart).
(module
  (memory (export "memory") 4)

;; Appends (at, id) for each needle that occurs at `at`; returns the count. A position the
  ;; filter let through is looked up by its first two characters: most are no needle's, and cost
  ;; one probe of the table.
  (func $verify (param $at i32) (param $length i32) (param $count i32) (result i32)
    (local $text i32) (local $short i32) (local $shortEnd i32) (local $key i32) (local $slot i32) (local $slotKey i32)
    (local $entry i32) (local $last i32) (local $size i32) (local $char i32)
    (local.set $text (i32.shl (local.get $at) (i32.const 1)))
    ;; Needles of one character, compared with the first (none in the pipeline's stages).
    (local.set $short (i32.const 0x01804))
    (local.set $shortEnd (i32.add (i32.const 0x01804) (i32.shl (i32.load (i32.const 0x01800)) (i32.const 2))))
    (block $shorts_done
      (loop $shorts
        (br_if $shorts_done (i32.ge_u (local.get $short) (local.get $shortEnd)))
        (if (i32.eq (i32.load16_u offset=0x29000 (local.get $text)) (i32.load16_u (local.get $short)))
          (then
            (i32.store offset=0x09000 (i32.shl (local.get $count) (i32.const 3)) (local.get $at))
            (i32.store offset=0x09004 (i32.shl (local.get $count) (i32.const 3)) (i32.load16_u offset=2 (local.get $short)))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $short (i32.add (local.get $short) (i32.const 4)))
        (br $shorts)))
    ;; The slot of the first two characters (past the text's end they include a zero: no needle's).
    (local.set $key (i32.load offset=0x29000 (local.get $text)))
    (local.set $slot (i32.shr_u (i32.mul (local.get $key) (i32.const 0x9e3779b1)) (i32.const 24)))
    (loop $probe
      (local.set $slotKey (i32.load offset=0x01000 (i32.shl (local.get $slot) (i32.const 3))))
      (if (i32.eqz (local.get $slotKey)) (then (return (local.get $count))))
      (if (i32.ne (local.get $slotKey) (local.get $key))
        (then
          (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (i32.const 255)))
          (br $probe))))
    (local.set $entry (i32.add (i32.const 0x01c00)
      (i32.shl (i32.load16_u offset=0x01004 (i32.shl (local.get $slot) (i32.const 3))) (i32.const 6))))
    (local.set $last (i32.add (local.get $entry)
      (i32.shl (i32.load16_u offset=0x01006 (i32.shl (local.get $slot) (i32.const 3))) (i32.const 6))))
    (block $entries_done
      (loop $entries
        (br_if $entries_done (i32.ge_u (local.get $entry) (local.get $last)))
        (local.set $size (i32.load16_u (local.get $entry)))
        (block $no_match
          (br_if $no_match (i32.gt_u (i32.add (local.get $at) (local.get $size)) (local.get $length)))
          ;; The first two characters are the slot's: the rest compared one at a time.
          (local.set $char (i32.const 2))
          (block $compared
            (loop $chars
              (br_if $compared (i32.ge_u (local.get $char) (local.get $size)))
              (br_if $no_match (i32.ne
                (i32.load16_u offset=0x29000 (i32.add (local.get $text) (i32.shl (local.get $char) (i32.const 1))))
                (i32.load16_u offset=4 (i32.add (local.get $entry) (i32.shl (local.get $char) (i32.const 1))))))
              (local.set $char (i32.add (local.get $char) (i32.const 1)))
              (br $chars)))
          (i32.store offset=0x09000 (i32.shl (local.get $count) (i32.const 3)) (local.get $at))
          (i32.store offset=0x09004 (i32.shl (local.get $count) (i32.const 3)) (i32.load16_u offset=2 (local.get $entry)))
          (local.set $count (i32.add (local.get $count) (i32.const 1))))
        (local.set $entry (i32.add (local.get $entry) (i32.const 64)))
        (br $entries)))
    (local.get $count))

  ;; The hits at offsets [from, length), written in order; stops early, at a position, when fewer
  ;; than 64 hits may still be written to the `cap`. Returns how many; where it stopped is at 0x110.
  (func (export "hits") (param $from i32) (param $length i32) (param $cap i32) (result i32)
    (local $at i32) (local $lane i32) (local $lanes i32) (local $count i32)
    (local $low00 v128) (local $low01 v128) (local $low02 v128) (local $low10 v128) (local $low11 v128) (local $low12 v128) (local $high00 v128) (local $high01 v128) (local $high10 v128) (local $high11 v128)
    (local $nibble v128) (local $bytes v128) (local $lowNibbles v128) (local $highNibbles v128)
    (local $found00 v128) (local $found10 v128) (local $found01 v128) (local $found11 v128) (local $zero v128)
    (local.set $low00 (v128.load (i32.const 0x0)))
    (local.set $low01 (v128.load (i32.const 0x10)))
    (local.set $low02 (v128.load (i32.const 0x20)))
    (local.set $low10 (v128.load (i32.const 0x60)))
    (local.set $low11 (v128.load (i32.const 0x70)))
    (local.set $low12 (v128.load (i32.const 0x80)))
    (local.set $high00 (v128.load (i32.const 0x30)))
    (local.set $high01 (v128.load (i32.const 0x40)))
    (local.set $high10 (v128.load (i32.const 0x90)))
    (local.set $high11 (v128.load (i32.const 0xa0)))
    (local.set $nibble (v128.load (i32.const 0xc0)))
    (local.set $at (local.get $from))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $at) (local.get $length)))
        ;; Positions at+0..at+15: the low bytes of the characters there, then one and two further on.
        (local.set $bytes (i8x16.shuffle 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30
          (v128.load offset=0x29000 (i32.shl (local.get $at) (i32.const 1)))
          (v128.load offset=0x29010 (i32.shl (local.get $at) (i32.const 1)))))
        (local.set $lowNibbles (v128.and (local.get $bytes) (local.get $nibble)))
        (local.set $highNibbles (v128.and (i16x8.shr_u (local.get $bytes) (i32.const 4)) (local.get $nibble)))
        (local.set $found00 (v128.and
            (i8x16.swizzle (local.get $low00) (local.get $lowNibbles))
            (i8x16.swizzle (local.get $high00) (local.get $highNibbles))))
        (local.set $found10 (v128.and
            (i8x16.swizzle (local.get $low10) (local.get $lowNibbles))
            (i8x16.swizzle (local.get $high10) (local.get $highNibbles))))
        (local.set $bytes (i8x16.shuffle 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30
          (v128.load offset=0x29002 (i32.shl (local.get $at) (i32.const 1)))
          (v128.load offset=0x29012 (i32.shl (local.get $at) (i32.const 1)))))
        (local.set $lowNibbles (v128.and (local.get $bytes) (local.get $nibble)))
        (local.set $highNibbles (v128.and (i16x8.shr_u (local.get $bytes) (i32.const 4)) (local.get $nibble)))
        (local.set $found00 (v128.and (local.get $found00) (v128.and
            (i8x16.swizzle (local.get $low01) (local.get $lowNibbles))
            (i8x16.swizzle (local.get $high01) (local.get $highNibbles)))))
        (local.set $found10 (v128.and (local.get $found10) (v128.and
            (i8x16.swizzle (local.get $low11) (local.get $lowNibbles))
            (i8x16.swizzle (local.get $high11) (local.get $highNibbles)))))
        (local.set $bytes (i8x16.shuffle 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30
          (v128.load offset=0x29004 (i32.shl (local.get $at) (i32.const 1)))
          (v128.load offset=0x29014 (i32.shl (local.get $at) (i32.const 1)))))
        (local.set $lowNibbles (v128.and (local.get $bytes) (local.get $nibble)))
        (local.set $found00 (v128.and (local.get $found00) (i8x16.swizzle (local.get $low02) (local.get $lowNibbles))))
        (local.set $found10 (v128.and (local.get $found10) (i8x16.swizzle (local.get $low12) (local.get $lowNibbles))))
        ;; Positions at+16..at+31: the low bytes of the characters there, then one and two further on.
        (local.set $bytes (i8x16.shuffle 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30
          (v128.load offset=0x29020 (i32.shl (local.get $at) (i32.const 1)))
          (v128.load offset=0x29030 (i32.shl (local.get $at) (i32.const 1)))))
        (local.set $lowNibbles (v128.and (local.get $bytes) (local.get $nibble)))
        (local.set $highNibbles (v128.and (i16x8.shr_u (local.get $bytes) (i32.const 4)) (local.get $nibble)))
        (local.set $found01 (v128.and
            (i8x16.swizzle (local.get $low00) (local.get $lowNibbles))
            (i8x16.swizzle (local.get $high00) (local.get $highNibbles))))
        (local.set $found11 (v128.and
            (i8x16.swizzle (local.get $low10) (local.get $lowNibbles))
            (i8x16.swizzle (local.get $high10) (local.get $highNibbles))))
        (local.set $bytes (i8x16.shuffle 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30
          (v128.load offset=0x29022 (i32.shl (local.get $at) (i32.const 1)))
          (v128.load offset=0x29032 (i32.shl (local.get $at) (i32.const 1)))))
        (local.set $lowNibbles (v128.and (local.get $bytes) (local.get $nibble)))
        (local.set $highNibbles (v128.and (i16x8.shr_u (local.get $bytes) (i32.const 4)) (local.get $nibble)))
        (local.set $found01 (v128.and (local.get $found01) (v128.and
            (i8x16.swizzle (local.get $low01) (local.get $lowNibbles))
            (i8x16.swizzle (local.get $high01) (local.get $highNibbles)))))
        (local.set $found11 (v128.and (local.get $found11) (v128.and
            (i8x16.swizzle (local.get $low11) (local.get $lowNibbles))
            (i8x16.swizzle (local.get $high11) (local.get $highNibbles)))))
        (local.set $bytes (i8x16.shuffle 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30
          (v128.load offset=0x29024 (i32.shl (local.get $at) (i32.const 1)))
          (v128.load offset=0x29034 (i32.shl (local.get $at) (i32.const 1)))))
        (local.set $lowNibbles (v128.and (local.get $bytes) (local.get $nibble)))
        (local.set $found01 (v128.and (local.get $found01) (i8x16.swizzle (local.get $low02) (local.get $lowNibbles))))
        (local.set $found11 (v128.and (local.get $found11) (i8x16.swizzle (local.get $low12) (local.get $lowNibbles))))
        ;; The positions let through for some bucket, one bit each.
        (local.set $lanes (i32.xor (i32.const -1) (i32.or
          (i8x16.bitmask (i8x16.eq (v128.or (local.get $found00) (local.get $found10)) (local.get $zero)))
          (i32.shl (i8x16.bitmask (i8x16.eq (v128.or (local.get $found01) (local.get $found11)) (local.get $zero))) (i32.const 16)))))
        (if (local.get $lanes)
          (then
            (loop $each_lane
              (local.set $lane (i32.ctz (local.get $lanes)))
              (local.set $lanes (i32.and (local.get $lanes) (i32.sub (local.get $lanes) (i32.const 1))))
              (if (i32.gt_u (i32.add (local.get $count) (i32.const 64)) (local.get $cap))
                (then
                  (i32.store (i32.const 0x110) (i32.add (local.get $at) (local.get $lane)))
                  (return (local.get $count))))
              (local.set $count (call $verify (i32.add (local.get $at) (local.get $lane)) (local.get $length) (local.get $count)))
              (br_if $each_lane (local.get $lanes)))))
        (local.set $at (i32.add (local.get $at) (i32.const 32)))
        (br $blocks)))
    (i32.store (i32.const 0x110) (local.get $length))
    (local.get $count))

  ;; Whether a code unit is a capital (Cyrillic А–Я, Ё, Latin A–Z) or «"»: what may start a sentence.
  (func $opens (param $c i32) (result i32)
    (i32.or
      (i32.or
        (i32.le_u (i32.sub (local.get $c) (i32.const 0x410)) (i32.const 0x1f))
        (i32.eq (local.get $c) (i32.const 0x401)))
      (i32.or
        (i32.le_u (i32.sub (local.get $c) (i32.const 0x41)) (i32.const 0x19))
        (i32.eq (local.get $c) (i32.const 0x22)))))

  ;; Whether a code unit is a lower-case letter (Cyrillic а–я, ё, Latin a–z).
  (func $lower (param $c i32) (result i32)
    (i32.or
      (i32.or
        (i32.le_u (i32.sub (local.get $c) (i32.const 0x430)) (i32.const 0x1f))
        (i32.eq (local.get $c) (i32.const 0x451)))
      (i32.le_u (i32.sub (local.get $c) (i32.const 0x61)) (i32.const 0x19))))

  ;; The sentence start that a mark at `j` gives, if it is no later than `at` and after `from`; -1 if none.
  ;; A line break or «;» at j ends a sentence before j + 1; «.», «!» or «?» at j does before j + 2,
  ;; when a space follows it, a capital follows the space and three lower-case letters precede it.
  (func $start_after (param $j i32) (param $at i32) (param $from i32) (result i32)
    (local $c i32) (local $text i32)
    (local.set $text (i32.shl (local.get $j) (i32.const 1)))
    (local.set $c (i32.load16_u offset=0x29000 (local.get $text)))
    (if (i32.or (i32.eq (local.get $c) (i32.const 0x0a)) (i32.eq (local.get $c) (i32.const 0x3b)))
      (then (return (select (i32.add (local.get $j) (i32.const 1)) (i32.const -1) (i32.ge_s (local.get $j) (local.get $from))))))
    (if (i32.and
          (i32.or (i32.eq (local.get $c) (i32.const 0x2e)) (i32.or (i32.eq (local.get $c) (i32.const 0x21)) (i32.eq (local.get $c) (i32.const 0x3f))))
          (i32.and (i32.le_s (i32.add (local.get $j) (i32.const 2)) (local.get $at)) (i32.ge_s (local.get $j) (i32.const 3))))
      (then
        (if (i32.and
              (i32.and
                (i32.eq (i32.load16_u offset=0x29002 (local.get $text)) (i32.const 0x20))
                (call $opens (i32.load16_u offset=0x29004 (local.get $text))))
              (i32.and
                (call $lower (i32.load16_u offset=0x28ffe (local.get $text)))
                (i32.and
                  (call $lower (i32.load16_u offset=0x28ffc (local.get $text)))
                  (call $lower (i32.load16_u offset=0x28ffa (local.get $text))))))
          (then (return (i32.add (local.get $j) (i32.const 2)))))))
    (i32.const -1))

  ;; Where the sentence containing `at` starts: the last offset i in (from, at] before which a
  ;; sentence ends (see $start_after), or `from` when there is none; as cyrillic.ts's endsBefore
  ;; reads it, going back from `at`. Eight code units are tested at once for a mark («\n;.!?»), and
  ;; only the marks of a block are read one at a time. `at` is at most the text's length.
  (func (export "sentence_start") (param $at i32) (param $from i32) (result i32)
    (local $j i32) (local $floor i32) (local $marks i32) (local $k i32) (local $found i32) (local $c v128)
    (local $lineBreak v128) (local $semicolon v128) (local $dot v128) (local $exclamation v128) (local $question v128)
    (local.set $lineBreak (i16x8.splat (i32.const 0x0a)))
    (local.set $semicolon (i16x8.splat (i32.const 0x3b)))
    (local.set $dot (i16x8.splat (i32.const 0x2e)))
    (local.set $exclamation (i16x8.splat (i32.const 0x21)))
    (local.set $question (i16x8.splat (i32.const 0x3f)))
    ;; The lowest offset a mark may have: «.» at from - 1 still ends a sentence before from + 1.
    (local.set $floor (select (i32.sub (local.get $from) (i32.const 1)) (i32.const 0) (i32.gt_s (local.get $from) (i32.const 0))))
    (local.set $j (i32.sub (local.get $at) (i32.const 1)))
    (block $none
      (loop $back
        (br_if $none (i32.lt_s (local.get $j) (local.get $floor)))
        ;; The block of code units j - 7 .. j: its marks («\n;.!?»), a bit each (bit k: j - 7 + k).
        (local.set $c (v128.load offset=0x28ff2 (i32.shl (local.get $j) (i32.const 1))))
        (local.set $marks (i16x8.bitmask (v128.or
          (v128.or (i16x8.eq (local.get $c) (local.get $lineBreak)) (i16x8.eq (local.get $c) (local.get $semicolon)))
          (v128.or (i16x8.eq (local.get $c) (local.get $dot))
            (v128.or (i16x8.eq (local.get $c) (local.get $exclamation)) (i16x8.eq (local.get $c) (local.get $question)))))))
        ;; The last block may reach below the floor: its code units there are not read.
        (if (i32.lt_s (i32.sub (local.get $j) (i32.const 7)) (local.get $floor))
          (then (local.set $marks (i32.and (local.get $marks)
            (i32.xor (i32.const -1) (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $floor) (i32.sub (local.get $j) (i32.const 7)))) (i32.const 1)))))))
        ;; Only the marks are read one at a time, the last first: no other code unit ends a sentence.
        (block $marks_done
          (loop $each_mark
            (br_if $marks_done (i32.eqz (local.get $marks)))
            (local.set $k (i32.sub (i32.const 31) (i32.clz (local.get $marks))))
            (local.set $found (call $start_after (i32.add (i32.sub (local.get $j) (i32.const 7)) (local.get $k)) (local.get $at) (local.get $from)))
            (if (i32.ge_s (local.get $found) (i32.const 0)) (then (return (local.get $found))))
            (local.set $marks (i32.xor (local.get $marks) (i32.shl (i32.const 1) (local.get $k))))
            (br $each_mark)))
        (local.set $j (i32.sub (local.get $j) (i32.const 8)))
        (br $back)))
    (local.get $from))
)
