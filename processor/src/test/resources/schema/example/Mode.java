package example;

public enum Mode {
  OFF,
  ON,
  STANDBY
}
