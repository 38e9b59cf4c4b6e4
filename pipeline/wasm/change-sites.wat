;; Where plain-text normalization may have something to change (plain-text.ts, CHANGE_MAY_START):
;; a space or a line break followed by whitespace, or a character outside the usual ones (line
;; break, printable ASCII but «&» and «<», Cyrillic А–я, «№»). Eight UTF-16 code units are tested
;; at once; a block with a possible candidate is read again one code unit at a time, exactly, from
;; a table of classes filled by the caller.
;;
;; Memory (bytes): 0x00000 class of each UTF-16 code unit (u8: 1 a candidate by itself, 2 a space
;; or a line break, 4 JavaScript's \s); 0x10000 constants; 0x10100 candidates found (i32 offsets,
;; up to 16,384); 0x20100 the text (UTF-16), followed by at least 16 code units «a» written by the caller.
(module
  (memory (export "memory") 3)
  ;; The constants of the block test, eight lanes each (see `candidates`): a range [lo, hi] is tested
  ;; as one signed comparison, c + (0x8000 - lo) < 0x8000 + (hi - lo + 1) (wrapping), where an
  ;; unsigned one is two instructions: Cyrillic А–я (bias 0x7bf0, limit 0x8040), «!» to «~» (bias
  ;; 0x7fdf, limit 0x805e); then «№», «&», «<», the space, the line break.
  (data (i32.const 0x10000) "\f0\7b\f0\7b\f0\7b\f0\7b\f0\7b\f0\7b\f0\7b\f0\7b\40\80\40\80\40\80\40\80\40\80\40\80\40\80\40\80\df\7f\df\7f\df\7f\df\7f\df\7f\df\7f\df\7f\df\7f\5e\80\5e\80\5e\80\5e\80\5e\80\5e\80\5e\80\5e\80\16\21\16\21\16\21\16\21\16\21\16\21\16\21\16\21\26\00\26\00\26\00\26\00\26\00\26\00\26\00\26\00\3c\00\3c\00\3c\00\3c\00\3c\00\3c\00\3c\00\3c\00\20\00\20\00\20\00\20\00\20\00\20\00\20\00\20\00\0a\00\0a\00\0a\00\0a\00\0a\00\0a\00\0a\00\0a\00")

  ;; Appends `at` to the candidates when the code unit there starts a possible change.
  (func $candidate (param $at i32) (param $count i32) (result i32)
    (local $class i32)
    (local.set $class
      (i32.load8_u (i32.load16_u offset=0x20100 (i32.shl (local.get $at) (i32.const 1)))))
    (if (i32.eqz (i32.and (local.get $class) (i32.const 1)))
      (then
        (if (i32.eqz (i32.and (local.get $class) (i32.const 2))) (then (return (local.get $count))))
        (if (i32.eqz (i32.and (i32.const 4)
              (i32.load8_u (i32.load16_u offset=0x20102 (i32.shl (local.get $at) (i32.const 1))))))
          (then (return (local.get $count))))))
    (i32.store offset=0x10100 (i32.shl (local.get $count) (i32.const 2)) (local.get $at))
    (i32.add (local.get $count) (i32.const 1)))

  ;; The candidates in [from, length), at most `cap` of them, written in order; returns how many.
  (func (export "candidates") (param $from i32) (param $length i32) (param $cap i32) (result i32)
    (local $block i32) (local $lanes i32) (local $count i32) (local $c v128) (local $n v128)
    (local $cyrillicBias v128) (local $cyrillicLimit v128) (local $printableBias v128) (local $printableLimit v128)
    (local $numero v128) (local $ampersand v128) (local $less v128) (local $space v128) (local $lineBreak v128)
    ;; Constants loaded from memory: the compiler would otherwise build each one again in every block.
    (local.set $cyrillicBias (v128.load (i32.const 0x10000)))
    (local.set $cyrillicLimit (v128.load (i32.const 0x10010)))
    (local.set $printableBias (v128.load (i32.const 0x10020)))
    (local.set $printableLimit (v128.load (i32.const 0x10030)))
    (local.set $numero (v128.load (i32.const 0x10040)))
    (local.set $ampersand (v128.load (i32.const 0x10050)))
    (local.set $less (v128.load (i32.const 0x10060)))
    (local.set $space (v128.load (i32.const 0x10070)))
    (local.set $lineBreak (v128.load (i32.const 0x10080)))
    (local.set $block (local.get $from))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $block) (local.get $length)))
        (local.set $c (v128.load offset=0x20100 (i32.shl (local.get $block) (i32.const 1))))
        (local.set $n (v128.load offset=0x20102 (i32.shl (local.get $block) (i32.const 1))))
        ;; A code unit is fine when it is a usual one other than a space or a line break (Cyrillic
        ;; А–я, «!» to «~» but «&» and «<», «№»), or a space or a line break followed by a character
        ;; that is surely no whitespace (Cyrillic А–я, «!» to «~», «№»).
        (local.set $lanes (i32.xor (i32.const 0xff) (i16x8.bitmask
              (v128.or
                (v128.or
                  (v128.or
                    (i16x8.lt_s (i16x8.add (local.get $c) (local.get $cyrillicBias)) (local.get $cyrillicLimit))
                    (i16x8.eq (local.get $c) (local.get $numero)))
                  (v128.andnot
                    (v128.andnot
                      (i16x8.lt_s (i16x8.add (local.get $c) (local.get $printableBias)) (local.get $printableLimit))
                      (i16x8.eq (local.get $c) (local.get $ampersand)))
                    (i16x8.eq (local.get $c) (local.get $less))))
                (v128.and
                  (v128.or
                    (i16x8.eq (local.get $c) (local.get $space))
                    (i16x8.eq (local.get $c) (local.get $lineBreak)))
                  (v128.or
                    (v128.or
                      (i16x8.lt_s (i16x8.add (local.get $n) (local.get $cyrillicBias)) (local.get $cyrillicLimit))
                      (i16x8.eq (local.get $n) (local.get $numero)))
                    (i16x8.lt_s (i16x8.add (local.get $n) (local.get $printableBias)) (local.get $printableLimit))))))))
        ;; The code units that are not fine, in order: each read again, exactly (the padding after
        ;; the text is «a», fine, so no lane past the end is read).
        (if (local.get $lanes)
          (then
            (loop $each_lane
              (local.set $count (call $candidate (i32.add (local.get $block) (i32.ctz (local.get $lanes))) (local.get $count)))
              (if (i32.ge_u (local.get $count) (local.get $cap)) (then (return (local.get $count))))
              (local.set $lanes (i32.and (local.get $lanes) (i32.sub (local.get $lanes) (i32.const 1))))
              (br_if $each_lane (local.get $lanes)))))
        (local.set $block (i32.add (local.get $block) (i32.const 8)))
        (br $blocks)))
    (local.get $count))
)
