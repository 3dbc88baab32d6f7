export { now, demoClock, setClockForTests, setDemoDate, type DemoClock } from "./clock";
export * from "./paris-date";
